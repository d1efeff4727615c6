import { and, eq, isNull } from "drizzle-orm";
import { grants } from "../db/schema";
import type { Database } from "../db/types";
import { claimGrants, type Grant, type LeaseClock } from "../grants";

/** Claims queued grants that are due for an invitation, under a lease. */
export function claimDueGrants(
  db: Database,
  options: { now: Date; limit: number; leaseMs: number; leaseClock?: LeaseClock },
): Promise<Grant[]> {
  return claimGrants(db, {
    ...options,
    // A grant being revoked belongs to the revocation pass, not to inviting.
    due: and(eq(grants.status, "queued"), isNull(grants.revokeRequestedAt))!,
  });
}
