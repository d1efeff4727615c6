import { and, asc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { grants } from "../db/schema";
import type { Database } from "../db/types";
import { describableGrantColumns } from "../grants/grant-columns";

const DAY_MS = 86_400_000;
/** A grant waiting longer than this for the buyer (sign-in or acceptance) is worth a look. */
export const LONG_WAIT_DAYS = 3;

/**
 * Grants the merchant should look at: failed ones, ones GitHub keeps refusing while the engine
 * retries, and ones waiting for the buyer for days. Oldest first, at most `limit`.
 */
export async function listGrantsNeedingAttention(db: Database, now: Date, limit = 50) {
  const longAgo = new Date(now.getTime() - LONG_WAIT_DAYS * DAY_MS);
  return db
    .select({
      id: grants.id,
      orderId: grants.orderId,
      ...describableGrantColumns,
      updatedAt: grants.updatedAt,
    })
    .from(grants)
    .where(
      and(
        isNull(grants.revokeRequestedAt),
        or(
          eq(grants.status, "failed"),
          and(
            eq(grants.status, "queued"),
            sql`${grants.lastError} is not null`,
            sql`${grants.lastError}->>'code' <> 'waiting_for_daily_invite_limit'`,
          ),
          and(eq(grants.status, "invited"), lt(grants.invitedAt, longAgo)),
          and(eq(grants.status, "waiting_for_github"), lt(grants.createdAt, longAgo)),
        ),
      ),
    )
    .orderBy(asc(grants.updatedAt))
    .limit(limit);
}

export type GrantNeedingAttention = Awaited<ReturnType<typeof listGrantsNeedingAttention>>[number];
