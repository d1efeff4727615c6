import { desc, eq } from "drizzle-orm";
import { paymentMismatches } from "../db/schema";
import type { Database } from "../db/types";

/** Provider payments that named an order but did not match it, newest first. */
export async function listPaymentMismatches(
  db: Database,
  options: { orderId?: string; limit: number },
) {
  return db
    .select({
      id: paymentMismatches.id,
      orderId: paymentMismatches.orderId,
      provider: paymentMismatches.provider,
      providerEventId: paymentMismatches.providerEventId,
      providerPaymentId: paymentMismatches.providerPaymentId,
      reason: paymentMismatches.reason,
      receivedAt: paymentMismatches.receivedAt,
    })
    .from(paymentMismatches)
    .where(options.orderId ? eq(paymentMismatches.orderId, options.orderId) : undefined)
    .orderBy(desc(paymentMismatches.receivedAt), desc(paymentMismatches.id))
    .limit(options.limit);
}

export type PaymentMismatchRow = Awaited<ReturnType<typeof listPaymentMismatches>>[number];
