import { eq, isNull, ne, and } from "drizzle-orm";
import { grants } from "../../db/schema";
import type { Database } from "../../db/types";
import { transitionGrants } from "../transition";

/**
 * Marks grants for revocation (a refund, or the merchant's decision). Nothing is called on
 * GitHub here: the revocation pass does that, so a webhook answers at once and a crash loses
 * nothing. The revocation's retry window and attempt count start now. Returns the grants marked.
 */
export async function requestRevocation(
  db: Database,
  target: { orderId: string } | { grantId: number },
  reason: string,
  now: Date,
): Promise<number[]> {
  return transitionGrants(db, {
    grants: "orderId" in target ? eq(grants.orderId, target.orderId) : target.grantId,
    when: and(ne(grants.status, "revoked"), isNull(grants.revokeRequestedAt)),
    set: { revokeRequestedAt: now, revokeReason: reason, nextAttemptAt: now, attempts: 0 },
    event: { kind: "revoke_requested", at: now, detail: { reason } },
  });
}
