import { and, eq } from "drizzle-orm";
import { grants } from "../db/schema";
import type { Database } from "../db/types";
import { githubError, type GithubError } from "../github";
import type { Grant } from "./claim-due-grants";
import type { FulfillmentGithub } from "./github-port";
import { reserveInviteSlot } from "./invite-quota";
import { completeInviteEvent, recordGithubCalls } from "./record-call";
import type { FulfillmentSettings } from "./settings";
import { markActive, markFailure, markInvited, waitForQuota } from "./settle-grant";

export type GrantOutcome = "invited" | "active" | "quota_wait" | "retry" | "failed" | "lost_lease";

/** Takes one claimed repository grant as far as GitHub lets it go in one step. */
export async function processGrant(
  db: Database,
  github: FulfillmentGithub,
  claimed: Grant,
  settings: FulfillmentSettings,
): Promise<GrantOutcome> {
  const grant = await ensureLogin(db, github, claimed, settings);
  if (typeof grant === "string") return grant;
  const target = {
    owner: grant.owner!,
    repo: grant.repo!,
    username: grant.githubLogin!,
    permission: grant.permission!,
  };

  // Claimed before with no outcome recorded: the last worker may have died between GitHub's
  // 201 and its commit. An open invitation means the invite did happen; don't send another.
  if (grant.attempts > 1) {
    const found = await github.findOpenInvitation(target);
    await recordGithubCalls(db, grant.id, "find_invitation", found, settings.clock());
    if (!found.ok) return fail(db, grant, found.error, settings);
    if (found.value) {
      await markInvited(
        db,
        grant,
        { ...found.value, invitationId: found.value.id },
        settings.clock(),
      );
      return "invited";
    }
  }

  const slot = await reserveInviteSlot(db, {
    grantId: grant.id,
    owner: target.owner,
    repo: target.repo,
    limit: settings.dailyInviteLimit,
    now: settings.clock(),
  });
  if (!slot.ok) {
    await waitForQuota(db, grant, slot.freesAt, settings.clock());
    return "quota_wait";
  }

  const result = await github.invite(target);
  const now = settings.clock();
  await completeInviteEvent(db, slot.eventId, grant.id, result, now);
  if (!result.ok) return fail(db, grant, result.error, settings);
  if (result.value.status === "already_has_access") {
    await markActive(db, grant, now);
    return "active";
  }
  await markInvited(db, grant, result.value, now);
  return "invited";
}

async function fail(
  db: Database,
  grant: Grant,
  error: GithubError,
  settings: FulfillmentSettings,
): Promise<GrantOutcome> {
  await markFailure(db, grant, error, settings, settings.clock());
  const [row] = await db
    .select({ status: grants.status })
    .from(grants)
    .where(eq(grants.id, grant.id));
  return row?.status === "failed" ? "failed" : "retry";
}

/** An order may name the buyer by GitHub user id only; GitHub invites by login. */
async function ensureLogin(
  db: Database,
  github: FulfillmentGithub,
  grant: Grant,
  settings: FulfillmentSettings,
): Promise<Grant | GrantOutcome> {
  if (grant.githubLogin) return grant;
  if (grant.githubUserId === null) {
    return fail(db, grant, githubError("user_not_found"), settings);
  }
  const login = await github.currentLogin(grant.githubUserId);
  await recordGithubCalls(db, grant.id, "resolve_login", login, settings.clock());
  if (!login.ok) return fail(db, grant, login.error, settings);
  const [updated] = await db
    .update(grants)
    .set({ githubLogin: login.value.login })
    .where(and(eq(grants.id, grant.id), eq(grants.lockedUntil, grant.lockedUntil!)))
    .returning();
  return updated ?? "lost_lease";
}
