import { and, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { grants } from "../db/schema";
import type { Database } from "../db/types";

export type Grant = typeof grants.$inferSelect;

/**
 * The grants table is the queue. SKIP LOCKED lets any number of workers claim disjoint
 * batches; the lease (locked_until) hands a crashed worker's grants to the next one. Each claim
 * counts an attempt, so a grant claimed before without a recorded outcome is recognisable.
 */
export async function claimDueGrants(
  db: Database,
  options: { now: Date; limit: number; leaseMs: number },
): Promise<Grant[]> {
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
  const due = db
    .select({ id: grants.id })
    .from(grants)
    .where(
      and(
        eq(grants.status, "queued"),
        // A grant being revoked belongs to the revocation pass, not to inviting.
        isNull(grants.revokeRequestedAt),
        lte(grants.nextAttemptAt, options.now),
        or(isNull(grants.lockedUntil), lte(grants.lockedUntil, options.now)),
      ),
    )
    .orderBy(grants.nextAttemptAt, grants.id)
    .limit(options.limit)
    .for("update", { skipLocked: true });
  return db
    .update(grants)
    .set({ lockedUntil: leaseUntil, attempts: sql`${grants.attempts} + 1`, updatedAt: options.now })
    .where(inArray(grants.id, due))
    .returning();
}
