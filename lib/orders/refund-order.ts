import { eq } from "drizzle-orm";
import { orders } from "../db/schema";
import type { Database } from "../db/types";
import { recordRefund } from "./apply-order-event";
import { OrderRejected } from "./order-rejected";

/** The merchant's "refund": the same transition as an `order.refunded` webhook. */
export async function refundOrder(db: Database, orderId: string, now: Date): Promise<number[]> {
  return db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update");
    if (!order) throw new OrderRejected(404, `no order "${orderId}"`);
    if (order.status !== "paid" && order.status !== "refunded") {
      throw new OrderRejected(
        409,
        `order ${orderId} is ${order.status}; only a paid order can be refunded`,
      );
    }
    return recordRefund(tx, order, now);
  });
}
