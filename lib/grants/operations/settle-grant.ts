import { eq } from "drizzle-orm";
import { grants } from "../../db/schema";
import type { Database } from "../../db/types";
import type { GithubError, OrgInvitation } from "../../github";
import type { Grant, GrantChanges } from "../grant";
import { decideAfterFailure, type RetryPolicy } from "../retry-policy";
import { transitionGrant } from "../transition";

/**
 * Settles a claimed grant of the fulfillment queue. Only the worker holding the lease may: a
 * grant someone else re-claimed after our lease ran out is theirs now. Every settlement frees
 * the lease.
 */
function settle(
  db: Database,
  grant: Grant,
  now: Date,
  changes: GrantChanges,
  event: string,
  detail: Record<string, unknown> = {},
): Promise<boolean> {
  return transitionGrant(db, {
    grants: grant.id,
    from: ["queued"],
    leased: grant,
    set: { ...changes, lockedUntil: null },
    event: { kind: event, at: now, detail },
  });
}

export function markInvited(
  db: Database,
  grant: Grant,
  invitation: { invitationId: number | null; htmlUrl: string; expiresAt: Date | null },
  now: Date,
  changes: GrantChanges = {},
) {
  return settle(
    db,
    grant,
    now,
    {
      ...changes,
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
 * GitHub answered "pending" because they were not a member of the organization: that is
 * recorded, so a refund can take away the membership our invitation creates.
 */
export function markPendingMembership(
  db: Database,
  grant: Grant,
  invitation: OrgInvitation | null,
  now: Date,
) {
  const htmlUrl = invitation?.htmlUrl ?? `https://github.com/orgs/${grant.org}/invitation`;
  const expiresAt = invitation?.expiresAt ?? null;
  return markInvited(db, grant, { invitationId: invitation?.id ?? null, htmlUrl, expiresAt }, now, {
    orgMemberBefore: false,
  });
}

/**
 * The account has the access already (GitHub answered 204), or joined the team at once — which
 * GitHub does only for someone already in the organization, recorded as such. The account's
 * GitHub id is recorded when it is learnt here, so that a later refund of another order
 * recognises this grant as the same person's.
 */
export function markActive(
  db: Database,
  grant: Grant,
  now: Date,
  reason: "already_has_access" | "team_member" = "already_has_access",
  githubUserId: number | null = grant.githubUserId,
) {
  const changes: GrantChanges = {
    status: "active",
    acceptedAt: now,
    lastError: null,
    githubUserId,
  };
  if (reason === "team_member") changes.orgMemberBefore = true;
  return settle(db, grant, now, changes, "active", { reason });
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
        message: `Waiting for GitHub's daily invitation limit for this ${
          grant.kind === "github_team" ? "organization" : "repository"
        } to free a slot.`,
        at: now.toISOString(),
      },
    },
    "quota_wait",
    { until: freesAt.toISOString() },
  );
}

/**
 * The merchant-visible record of a failed GitHub operation, and where the retry policy leaves
 * the grant: due again later, or `failed` with the error's code and explanation. `since` is
 * when the operation was asked for (queued, or the revocation requested).
 */
export function failureChanges(
  grant: Grant,
  error: GithubError,
  policy: RetryPolicy,
  since: Date,
  now: Date,
): { changes: GrantChanges; event: string; detail: Record<string, unknown> } {
  const lastError = { code: error.code, message: error.message, at: now.toISOString() };
  const decision = decideAfterFailure(error, { attempts: grant.attempts, since, now }, policy);
  if ("retryAt" in decision) {
    return {
      changes: { nextAttemptAt: decision.retryAt, lastError },
      event: "retry_scheduled",
      detail: { code: error.code, at: decision.retryAt.toISOString() },
    };
  }
  return {
    changes: { status: "failed", nextAttemptAt: null, lastError },
    event: "failed",
    detail: { code: error.code, kind: error.kind, gaveUpAfterHours: decision.afterHours },
  };
}

/** Settles a failure and says where it left the grant: waiting for a retry, or failed. */
export async function failGrant(
  db: Database,
  grant: Grant,
  error: GithubError,
  policy: RetryPolicy & { clock: () => Date },
): Promise<"retry" | "failed"> {
  const now = policy.clock();
  const failure = failureChanges(grant, error, policy, grant.queuedAt ?? grant.createdAt, now);
  await settle(db, grant, now, failure.changes, failure.event, failure.detail);
  const [row] = await db
    .select({ status: grants.status })
    .from(grants)
    .where(eq(grants.id, grant.id));
  return row?.status === "failed" ? "failed" : "retry";
}
