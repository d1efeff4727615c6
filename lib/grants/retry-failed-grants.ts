import { and, eq, isNotNull, isNull, or, sql } from "drizzle-orm";
import { grants } from "../db/schema";
import type { Database } from "../db/types";
import { retryGrantNow } from "./operations/retry-grant-now";

export type RetryScope = { owner: string; repo: string } | { org: string; teamSlug: string };

/**
 * "Retry all failed for this repository (or team)": after the merchant installs the App or
 * fixes a token, every grant of that target that failed or is waiting out a retry is due at
 * once. Each goes through the single-grant retry, so the rules are the same. Returns how many.
 */
export async function retryFailedGrants(
  db: Database,
  scope: RetryScope,
  now: Date,
): Promise<number> {
  const target =
    "repo" in scope
      ? and(
          eq(grants.kind, "github_repo"),
          sql`lower(${grants.owner}) = lower(${scope.owner})`,
          sql`lower(${grants.repo}) = lower(${scope.repo})`,
        )
      : and(
          eq(grants.kind, "github_team"),
          sql`lower(${grants.org}) = lower(${scope.org})`,
          sql`lower(${grants.teamSlug}) = lower(${scope.teamSlug})`,
        );
  const due = await db
    .select({ id: grants.id })
    .from(grants)
    .where(
      and(
        target,
        isNull(grants.revokeRequestedAt),
        or(
          eq(grants.status, "failed"),
          and(eq(grants.status, "queued"), isNotNull(grants.lastError)),
        ),
      ),
    );
  let retried = 0;
  for (const { id } of due) {
    if (await retryGrantNow(db, id, now)) retried += 1;
  }
  return retried;
}
