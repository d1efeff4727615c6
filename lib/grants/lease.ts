import { and, eq, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { grants } from "../db/schema";
import type { Database } from "../db/types";
import type { Grant } from "./grant";

/** No worker holds the grant: never leased, or the lease ran out (its worker crashed). */
export function leaseFree(now: Date): SQL {
  return or(isNull(grants.lockedUntil), lte(grants.lockedUntil, now))!;
}

/**
 * The grant is still under the lease its worker took. A grant another worker re-claimed after
 * our lease ran out carries their lease, so nothing we write afterwards lands on it.
 */
export function leaseHeld(grant: Pick<Grant, "id" | "lockedUntil">): SQL {
  if (!grant.lockedUntil) throw new Error(`grant ${grant.id} is not leased`);
  return and(eq(grants.id, grant.id), eq(grants.lockedUntil, grant.lockedUntil))!;
}

/**
 * The grants table is the queue. SKIP LOCKED lets any number of workers claim disjoint
 * batches of due grants; the lease (locked_until) hands a crashed worker's grants to the next
 * one. Each claim counts an attempt: a grant claimed before without a recorded outcome is
 * recognisable, and retries back off by it.
 */
export async function claimGrants(
  db: Database,
  options: { due: SQL; now: Date; limit: number; leaseMs: number },
): Promise<Grant[]> {
  const { due, now } = options;
  const ids = db
    .select({ id: grants.id })
    .from(grants)
    .where(and(due, lte(grants.nextAttemptAt, now), leaseFree(now)))
    .orderBy(grants.nextAttemptAt, grants.id)
    .limit(options.limit)
    .for("update", { skipLocked: true });
  return db
    .update(grants)
    .set({
      lockedUntil: new Date(now.getTime() + options.leaseMs),
      attempts: sql`${grants.attempts} + 1`,
      updatedAt: now,
    })
    .where(inArray(grants.id, ids))
    .returning();
}
