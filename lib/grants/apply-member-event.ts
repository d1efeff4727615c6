import { and, eq, inArray, or, sql } from "drizzle-orm";
import { grantEvents, grants } from "../db/schema";
import type { Database } from "../db/types";

export interface MemberEvent {
  action: "added" | "removed";
  /** A repository (`member` event) or a team (`membership` event). */
  target: { owner: string; repo: string } | { org: string; teamSlug: string };
  member: { id: number; login: string };
}

function sameTarget(target: MemberEvent["target"]) {
  if ("org" in target) {
    return and(
      eq(grants.kind, "github_team"),
      sql`lower(${grants.org}) = lower(${target.org})`,
      sql`lower(${grants.teamSlug}) = lower(${target.teamSlug})`,
    );
  }
  return and(
    eq(grants.kind, "github_repo"),
    sql`lower(${grants.owner}) = lower(${target.owner})`,
    sql`lower(${grants.repo}) = lower(${target.repo})`,
  );
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
  );
  const changed =
    event.action === "added"
      ? await db
          .update(grants)
          .set({ status: "active", acceptedAt: now, githubUserId: event.member.id, updatedAt: now })
          .where(and(sameRepoAndUser, inArray(grants.status, ["invited", "expired"])))
          .returning({ id: grants.id })
      : await db
          .update(grants)
          .set({
            status: "revoked",
            revokedAt: now,
            updatedAt: now,
            lastError: {
              code: "removed_on_github",
              message: "removed on GitHub",
              at: now.toISOString(),
            },
          })
          .where(and(sameRepoAndUser, inArray(grants.status, ["invited", "active"])))
          .returning({ id: grants.id });
  if (changed.length > 0) {
    await db.insert(grantEvents).values(
      changed.map((grant) => ({
        grantId: grant.id,
        at: now,
        kind: event.action === "added" ? "accepted" : "revoked",
        detail: { via: "github_webhook", login: event.member.login },
      })),
    );
  }
  return changed.map((grant) => grant.id);
}
