import { and, eq, or, sql } from "drizzle-orm";
import { grants } from "../../db/schema";
import type { Database } from "../../db/types";
import { sameTarget, type AccessTarget } from "../same-target";
import { transitionGrants } from "../transition";

export interface MemberEvent {
  action: "added" | "removed";
  /** A repository (`member` event) or a team (`membership` event). */
  target: AccessTarget;
  member: { id: number; login: string };
}

/**
 * GitHub's `member` and team `membership` events: `added` means the buyer accepted the
 * invitation (→ active); `removed` means someone took the access away on GitHub (→ revoked).
 * Returns the grants changed.
 */
export async function applyMemberEvent(
  db: Database,
  event: MemberEvent,
  now: Date,
): Promise<number[]> {
  const sameRepoAndUser = and(
    sameTarget(event.target),
    or(
      eq(grants.githubUserId, event.member.id),
      sql`lower(${grants.githubLogin}) = lower(${event.member.login})`,
    ),
  )!;
  const detail = { via: "github_webhook", login: event.member.login };
  if (event.action === "added") {
    return transitionGrants(db, {
      grants: sameRepoAndUser,
      from: ["invited", "expired"],
      set: { status: "active", acceptedAt: now, githubUserId: event.member.id },
      event: { kind: "accepted", at: now, detail },
    });
  }
  return transitionGrants(db, {
    grants: sameRepoAndUser,
    from: ["invited", "active"],
    set: {
      status: "revoked",
      revokedAt: now,
      lastError: { code: "removed_on_github", message: "removed on GitHub", at: now.toISOString() },
    },
    event: { kind: "revoked", at: now, detail },
  });
}
