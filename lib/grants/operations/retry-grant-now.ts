import type { Database } from "../../db/types";
import { leaseFree, leaseNow, type LeaseClock } from "../lease";
import { transitionGrant } from "../transition";

/**
 * The merchant's "retry now" for a grant that failed or is waiting for a retry: it is due at
 * once, and its retry window starts again (the merchant has presumably fixed the cause).
 * Leases are read on the clock they were taken on (the database's, in production), so a
 * server whose clock runs ahead never takes a grant from the worker sending it.
 */
export function retryGrantNow(
  db: Database,
  grantId: number,
  now: Date,
  leaseClock: LeaseClock = "database",
): Promise<boolean> {
  return transitionGrant(db, {
    grants: grantId,
    from: ["queued", "failed"],
    // A grant a worker holds right now is already being retried.
    when: leaseFree(leaseNow(leaseClock, now)),
    set: { status: "queued", nextAttemptAt: now, queuedAt: now, lockedUntil: null },
    event: { kind: "retry_requested", at: now },
  });
}
