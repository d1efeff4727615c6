import { eq } from "drizzle-orm";
import { orders } from "../db/schema";
import type { Database } from "../db/types";
import { createGrants } from "../grants";
import { getBuyerIdentity } from "./find-or-create-buyer";
import { OrderRejected } from "./order-rejected";

/**
 * The merchant's "mark paid": the same transition as a paid webhook, in one transaction. A
 * second call finds the order paid and its grants in place, and changes nothing.
 */
export async function markOrderPaid(
  db: Database,
  orderId: string,
  now: Date,
): Promise<{ orderId: string; grantIds: number[]; alreadyPaid: boolean }> {
  return db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update");
    if (!order) throw new OrderRejected(404, `no order "${orderId}"`);
    if (order.status === "refunded") {
      throw new OrderRejected(409, `order ${orderId} was refunded; it cannot be paid again`);
    }
    const alreadyPaid = order.status === "paid";
    const grantIds = await settlePaidOrder(tx, order, {}, now);
    return { orderId, grantIds, alreadyPaid };
  });
}

/**
 * Marks a locked, unrefunded order paid (with what the payment told us, if anything) and
 * creates its grants, in the caller's transaction. Grants are unique per order and
 * entitlement, so settling a paid order again creates nothing.
 */
export async function settlePaidOrder(
  tx: Database,
  order: typeof orders.$inferSelect,
  payment: Partial<
    Pick<
      typeof orders.$inferInsert,
      "paymentProvider" | "providerPaymentId" | "amount" | "currency" | "buyerEmail"
    >
  >,
  now: Date,
): Promise<number[]> {
  if (order.status !== "paid") {
    await tx
      .update(orders)
      .set({
        ...payment,
        buyerEmail: order.buyerEmail ?? payment.buyerEmail,
        status: "paid",
        paidAt: now,
      })
      .where(eq(orders.id, order.id));
  }
  const buyer = order.buyerId ? await getBuyerIdentity(tx, order.buyerId) : undefined;
  return createGrants(tx, order, buyer, now);
}
