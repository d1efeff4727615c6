import { webhookDeliveries } from "../db/schema";
import type { Database } from "../db/types";

/**
 * Records an applied delivery, inside the transaction that applies it. Returns false when the
 * (source, delivery id) pair was applied before: the caller then changes nothing, so a
 * sender's retry or a duplicate delivery is harmless.
 */
export async function recordDelivery(
  tx: Database,
  delivery: { source: string; deliveryId: string; type: string; receivedAt: Date },
): Promise<boolean> {
  const fresh = await tx
    .insert(webhookDeliveries)
    .values(delivery)
    .onConflictDoNothing()
    .returning({ deliveryId: webhookDeliveries.deliveryId });
  return fresh.length > 0;
}
