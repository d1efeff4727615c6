import type { RequestContext } from "./context";
import { validationFailed } from "./errors";
import type { OrgRecord } from "./state";

const DAY_MS = 24 * 60 * 60_000;
const MONTH_MS = 30 * DAY_MS;

/**
 * GitHub's documented limit on organization invitations (which adding a non-member to a team
 * sends): 50 per 24 h, or 500 for an organization older than a month or on a paid plan.
 */
export function orgInvitationDailyLimit(org: OrgRecord, now: number): number {
  const young = now - Date.parse(org.createdAt) < MONTH_MS;
  return young && org.plan === "free" ? 50 : 500;
}

/**
 * Refuses (422) an organization invitation beyond the rolling 24-hour limit, else counts it.
 * GitHub does not publish this 422's wording; the message here is the emulator's.
 */
export function takeOrgInvitation(ctx: RequestContext, org: OrgRecord, now: number): void {
  if (ctx.core.mode === "ghes") return;
  const { state } = ctx.core;
  state.orgInvitationsSent = state.orgInvitationsSent.filter((s) => s.at > now - DAY_MS);
  const sent = state.orgInvitationsSent.filter((s) => s.orgId === org.id).length;
  const limit = orgInvitationDailyLimit(org, now);
  if (sent >= limit) {
    throw validationFailed(ctx.docs, [
      {
        resource: "OrganizationInvitation",
        code: "custom",
        message: `Over invitation limit: an organization can send ${limit} invitations per 24 hour period.`,
      },
    ]);
  }
  state.orgInvitationsSent.push({ orgId: org.id, at: now });
}
