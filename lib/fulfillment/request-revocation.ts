import { and, eq, isNull, ne } from "drizzle-orm";
import { grantEvents, grants } from "../db/schema";
import type { Database } from "../db/types";

/**
 * Marks grants for revocation (a refund, or the merchant's decision). Nothing is called on
 * GitHub here: the revocation pass does that, so a webhook answers at once and a crash loses
 * nothing. Returns the grants marked.
 */
export async function requestRevocation(
  db: Database,
  target: { orderId: string } | { grantId: number },
  reason: string,
  now: Date,
): Promise<number[]> {
  const which =
    "orderId" in target ? eq(grants.orderId, target.orderId) : eq(grants.id, target.grantId);
  const marked = await db
    .update(grants)
    .set({ revokeRequestedAt: now, revokeReason: reason, nextAttemptAt: now, updatedAt: now })
    .where(and(which, ne(grants.status, "revoked"), isNull(grants.revokeRequestedAt)))
    .returning({ id: grants.id });
  if (marked.length > 0) {
    await db.insert(grantEvents).values(
      marked.map((grant) => ({
        grantId: grant.id,
        at: now,
        kind: "revoke_requested",
        detail: { reason },
      })),
    );
  }
  return marked.map((grant) => grant.id);
}
