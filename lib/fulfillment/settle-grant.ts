import { and, eq } from "drizzle-orm";
import { grantEvents, grants } from "../db/schema";
import type { Database } from "../db/types";
import { nextRetryAt } from "./backoff";
import type { Grant } from "./claim-due-grants";
import type { GithubError, OrgInvitation } from "../github";
import type { FulfillmentSettings } from "./settings";

// Only the worker holding the lease may settle a grant; a grant someone else re-claimed after
// our lease ran out is theirs now.
const stillOurs = (grant: Grant) =>
  and(
    eq(grants.id, grant.id),
    eq(grants.status, "queued"),
    eq(grants.lockedUntil, grant.lockedUntil!),
  );

async function settle(
  db: Database,
  grant: Grant,
  now: Date,
  changes: Partial<Grant>,
  event: string,
  detail = {},
) {
  const updated = await db
    .update(grants)
    .set({ ...changes, lockedUntil: null, updatedAt: now })
    .where(stillOurs(grant))
    .returning({ id: grants.id });
  if (updated.length > 0) {
    await db.insert(grantEvents).values({ grantId: grant.id, at: now, kind: event, detail });
  }
}

export function markInvited(
  db: Database,
  grant: Grant,
  invitation: { invitationId: number | null; htmlUrl: string; expiresAt: Date | null },
  now: Date,
) {
  return settle(
    db,
    grant,
    now,
    {
      status: "invited",
      invitationId: invitation.invitationId,
      invitationUrl: invitation.htmlUrl,
      invitedAt: now,
      expiresAt: invitation.expiresAt,
      lastError: null,
    },
    "invited",
    { invitationId: invitation.invitationId },
  );
}

/**
 * A team membership waiting for the buyer to accept their organization invitation. GitHub
 * Enterprise Server cannot list that invitation: the organization's invitation page stands in.
 */
export function markPendingMembership(
  db: Database,
  grant: Grant,
  invitation: OrgInvitation | null,
  now: Date,
) {
  const htmlUrl = invitation?.htmlUrl ?? `https://github.com/orgs/${grant.org}/invitation`;
  const expiresAt = invitation?.expiresAt ?? null;
  return markInvited(db, grant, { invitationId: invitation?.id ?? null, htmlUrl, expiresAt }, now);
}

export function markActive(
  db: Database,
  grant: Grant,
  now: Date,
  reason: "already_has_access" | "team_member" = "already_has_access",
) {
  return settle(db, grant, now, { status: "active", acceptedAt: now, lastError: null }, "active", {
    reason,
  });
}

export function waitForQuota(db: Database, grant: Grant, freesAt: Date, now: Date) {
  return settle(
    db,
    grant,
    now,
    {
      nextAttemptAt: freesAt,
      lastError: {
        code: "waiting_for_daily_invite_limit",
        message: "Waiting for GitHub's daily invitation limit for this repository to free a slot.",
        at: now.toISOString(),
      },
    },
    "quota_wait",
    { until: freesAt.toISOString() },
  );
}

/** A retryable failure waits (backoff, or GitHub's own time) until the retry window closes. */
export function markFailure(
  db: Database,
  grant: Grant,
  failure: GithubError,
  settings: FulfillmentSettings,
  now: Date,
) {
  const lastError = { code: failure.code, message: failure.message, at: now.toISOString() };
  const queuedAt = grant.queuedAt ?? grant.createdAt;
  const deadline = queuedAt.getTime() + settings.retryMaxHours * 60 * 60_000;
  const retryAt =
    failure.kind === "retry"
      ? nextRetryAt(grant.attempts, now, settings.random, failure.retryAt)
      : null;
  if (retryAt && retryAt.getTime() <= deadline) {
    return settle(db, grant, now, { nextAttemptAt: retryAt, lastError }, "retry_scheduled", {
      code: failure.code,
      at: retryAt.toISOString(),
    });
  }
  return settle(db, grant, now, { status: "failed", nextAttemptAt: null, lastError }, "failed", {
    code: failure.code,
    kind: failure.kind,
    gaveUpAfterHours: retryAt ? settings.retryMaxHours : undefined,
  });
}

/** Settles a failure and says where it left the grant: waiting for a retry, or failed. */
export async function failGrant(
  db: Database,
  grant: Grant,
  error: GithubError,
  settings: FulfillmentSettings,
): Promise<"retry" | "failed"> {
  await markFailure(db, grant, error, settings, settings.clock());
  const [row] = await db
    .select({ status: grants.status })
    .from(grants)
    .where(eq(grants.id, grant.id));
  return row?.status === "failed" ? "failed" : "retry";
}
