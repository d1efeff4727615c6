import { and, eq, gt, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { grants } from "../db/schema";
import type { Database } from "../db/types";
import type { Grant } from "./grant";

/**
 * Whose clock leases run on. "database": the database server's `now()`, one clock for every
 * instance, so a server whose clock runs ahead never takes over a lease that is still live.
 * "injected": the engine's clock, for tests that move time to expire a lease.
 */
export type LeaseClock = "database" | "injected";

/** "Now" as the lease clock tells it: the database's `now()`, or the engine's injected time. */
export const leaseNow = (clock: LeaseClock, now: Date): SQL | Date =>
  clock === "database" ? sql`now()` : now;

/** No worker holds the grant: never leased, or the lease ran out (its worker crashed). */
export function leaseFree(now: Date | SQL): SQL {
  return or(isNull(grants.lockedUntil), lte(grants.lockedUntil, now))!;
}

function leaseEnd(clock: LeaseClock, now: Date, leaseMs: number): SQL | Date {
  // Milliseconds, as a JS Date holds them: leaseHeld compares the stored end with the one we
  // read back, and now()'s microseconds would make a lease never equal to itself.
  return clock === "database"
    ? sql`date_trunc('milliseconds', now() + ${leaseMs} * interval '1 millisecond')`
    : new Date(now.getTime() + leaseMs);
}

/**
 * Extends a lease we still hold, right before a write to GitHub: a worker slowed past its lease
 * (a stalled GitHub, a paused process) must not send a write for a grant another worker took.
 * Returns the grant under its new lease, or null when the lease was lost.
 */
export async function renewLease(
  db: Database,
  grant: Grant,
  options: { now: Date; leaseMs: number; leaseClock: LeaseClock },
): Promise<Grant | null> {
  const [renewed] = await db
    .update(grants)
    .set({ lockedUntil: leaseEnd(options.leaseClock, options.now, options.leaseMs) })
    .where(and(leaseHeld(grant), gt(grants.lockedUntil, leaseNow(options.leaseClock, options.now))))
    .returning();
  return renewed ?? null;
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
  options: { due: SQL; now: Date; limit: number; leaseMs: number; leaseClock?: LeaseClock },
): Promise<Grant[]> {
  const { due, now } = options;
  const clock = options.leaseClock ?? "injected";
  const ids = db
    .select({ id: grants.id })
    .from(grants)
    .where(and(due, lte(grants.nextAttemptAt, now), leaseFree(leaseNow(clock, now))))
    .orderBy(grants.nextAttemptAt, grants.id)
    .limit(options.limit)
    .for("update", { skipLocked: true });
  return db
    .update(grants)
    .set({
      lockedUntil: leaseEnd(clock, now, options.leaseMs),
      attempts: sql`${grants.attempts} + 1`,
      updatedAt: now,
    })
    .where(inArray(grants.id, ids))
    .returning();
}
