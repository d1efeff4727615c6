import { and, eq } from "drizzle-orm";
import { grantEvents, grants } from "../db/schema";
import type { Database } from "../db/types";
import { nextRetryAt } from "./backoff";
import type { Grant } from "./claim-due-grants";
import type { GithubError, RepoInvitation } from "../github";
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
  invitation: Pick<RepoInvitation, "htmlUrl" | "expiresAt"> & { invitationId: number },
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

export function markActive(db: Database, grant: Grant, now: Date) {
  return settle(db, grant, now, { status: "active", acceptedAt: now, lastError: null }, "active", {
    reason: "already_has_access",
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
