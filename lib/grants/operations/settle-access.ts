import { and, eq, isNull, or, sql } from "drizzle-orm";
import { grants } from "../../db/schema";
import type { Database } from "../../db/types";
import { sameTarget, type AccessTarget } from "../same-target";
import { transitionGrants } from "../transition";

/** A webhook's claim that an account gained or lost access: a reason to ask GitHub. */
export interface AccessHint {
  target: AccessTarget;
  member: { id: number; login: string };
}

export interface AccessAnswer {
  target: AccessTarget;
  account: { id: number; login: string };
  /** What GitHub answered when asked: the account holds the access, or it does not. */
  hasAccess: boolean;
  /** What prompted the question (a webhook's hint, the sync, the audit). */
  via: string;
  /**
   * Whether GitHub lists an invitation for the account, when that was asked too. Without access
   * and without one, an invitation we think open was declined or deleted on GitHub.
   */
  invitationListed?: boolean;
}

/**
 * Settles the account's grants on the target from what GitHub answered: an invitation that
 * GitHub shows accepted becomes active (and learns the account's id); access GitHub shows gone
 * — removed by someone on GitHub — ends the grant, and an invitation GitHub no longer lists
 * (when asked) was declined. Grants being revoked are the revocation's.
 * Returns the grants changed.
 */
export async function settleAccess(
  db: Database,
  answer: AccessAnswer,
  now: Date,
): Promise<number[]> {
  const { target, account, hasAccess, via, invitationListed } = answer;
  const ours = and(
    sameTarget(target),
    isNull(grants.revokeRequestedAt),
    or(
      eq(grants.githubUserId, account.id),
      and(isNull(grants.githubUserId), sql`lower(${grants.githubLogin}) = lower(${account.login})`),
    ),
  )!;
  const detail = { via, login: account.login };
  if (hasAccess) {
    return transitionGrants(db, {
      grants: ours,
      from: ["invited", "expired"],
      set: { status: "active", acceptedAt: now, githubUserId: account.id },
      event: { kind: "accepted", at: now, detail },
    });
  }
  const declined =
    invitationListed === false
      ? await transitionGrants(db, {
          grants: ours,
          from: ["invited"],
          set: { status: "declined" },
          event: { kind: "declined", at: now, detail },
        })
      : [];
  const removed = await transitionGrants(db, {
    grants: ours,
    from: ["active"],
    set: {
      status: "revoked",
      revokedAt: now,
      lastError: { code: "removed_on_github", message: "removed on GitHub", at: now.toISOString() },
    },
    event: { kind: "revoked", at: now, detail },
  });
  return [...declined, ...removed];
}
