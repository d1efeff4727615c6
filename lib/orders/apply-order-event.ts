import { and, eq, sql } from "drizzle-orm";
import { orders, products } from "../db/schema";
import type { Database } from "../db/types";
import { createGrants, requestRevocation } from "../grants";
import { recordDelivery } from "../webhooks/record-delivery";
import { findOrCreateBuyer, getBuyerIdentity, type BuyerIdentity } from "./find-or-create-buyer";
import { insertPaidOrder } from "./insert-paid-order";
import type { OrderData, OrderEvent } from "./order-event";
import { OrderRejected } from "./order-rejected";

export interface OrderEventResult {
  outcome: "applied" | "duplicate";
  orderId?: string;
  /** Grants this delivery gave work to: created by a payment, or marked for revocation by a refund. */
  grantIds: number[];
}

type Order = typeof orders.$inferSelect;

/**
 * Applies a verified order event atomically: the delivery row (unique on source and delivery
 * id, so a repeated delivery stops here), the order change, the buyer, one grant per
 * entitlement and their events. A new paid order takes one statement (insertPaidOrder);
 * everything else one transaction, where an OrderRejected thrown anywhere rolls all of it
 * back, so the delivery id stays free for the sender's retry.
 */
export async function applyOrderEvent(
  db: Database,
  input: { source: string; deliveryId: string; event: OrderEvent; now: Date },
): Promise<OrderEventResult> {
  const { source, deliveryId, event, now } = input;
  if (event.type === "order.paid") {
    const inserted = await insertPaidOrder(db, { source, deliveryId, data: event.data, now });
    if (inserted) {
      return { outcome: "applied", orderId: inserted.orderId, grantIds: inserted.grantIds };
    }
  }
  return db.transaction(async (tx) => {
    const fresh = await recordDelivery(tx, {
      source,
      deliveryId,
      type: event.type,
      receivedAt: now,
    });
    if (!fresh) {
      return {
        outcome: "duplicate",
        orderId: await appliedOrderId(tx, event.data, source),
        grantIds: [],
      };
    }

    if (event.type === "order.refunded") {
      const order = await findNamedOrder(tx, event.data, source);
      const revoking = await recordRefund(tx, order, now);
      return { outcome: "applied", orderId: order.id, grantIds: revoking };
    }
    const { order, buyer } = await payNamedOrder(tx, event.data, source, now);
    const grantIds = await createGrants(tx, order, buyer, now);
    return { outcome: "applied", orderId: order.id, grantIds };
  });
}

/** The order a repeated delivery applied to, so the sender can match its retry to it. */
async function appliedOrderId(db: Database, data: OrderData, source: string) {
  if (data.orderId) return data.orderId;
  const [order] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.source, source), eq(orders.externalId, data.externalId!)));
  return order?.id;
}

async function resolveProductId(db: Database, ref: string): Promise<string> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
  const [row] = await db
    .select({ id: products.id })
    .from(products)
    .where(
      isUuid ? sql`${products.id} = ${ref} or ${products.slug} = ${ref}` : eq(products.slug, ref),
    );
  if (!row) throw new OrderRejected(404, `data.product: no product "${ref}"`);
  return row.id;
}

async function findNamedOrder(db: Database, data: OrderData, source: string): Promise<Order> {
  const condition = data.orderId
    ? eq(orders.id, data.orderId)
    : and(eq(orders.source, source), eq(orders.externalId, data.externalId!));
  const [order] = await db.select().from(orders).where(condition).for("update");
  if (!order) {
    throw new OrderRejected(
      404,
      data.orderId
        ? `data.orderId: no order "${data.orderId}"`
        : `data.externalId: no order "${data.externalId}"`,
    );
  }
  if (data.product && (await resolveProductId(db, data.product)) !== order.productId) {
    throw new OrderRejected(409, `data.product: "${data.product}" is not this order's product`);
  }
  return order;
}

async function payNamedOrder(db: Database, data: OrderData, source: string, now: Date) {
  let order: Order;
  if (data.orderId) {
    order = await findNamedOrder(db, data, source);
  } else {
    const productId = await resolveProductId(db, data.product!);
    const [inserted] = await db
      .insert(orders)
      .values({
        productId,
        source,
        externalId: data.externalId!,
        status: "pending",
        amount: data.amount,
        currency: data.currency?.toUpperCase(),
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    order = inserted ?? (await findNamedOrder(db, data, source));
    if (order.productId !== productId) {
      throw new OrderRejected(
        409,
        `data.externalId: "${data.externalId}" is an order for another product`,
      );
    }
  }
  if (order.status === "refunded") {
    throw new OrderRejected(409, `order ${order.id} was refunded; it cannot be paid again`);
  }

  let buyer: BuyerIdentity | undefined = order.buyerId
    ? await getBuyerIdentity(db, order.buyerId)
    : undefined;
  if (!buyer && data.buyer) buyer = await findOrCreateBuyer(db, data.buyer);
  if (order.status !== "paid") {
    const [paid] = await db
      .update(orders)
      .set({
        status: "paid",
        paidAt: now,
        buyerId: buyer?.id ?? null,
        buyerEmail: order.buyerEmail ?? buyer?.email ?? null,
      })
      .where(eq(orders.id, order.id))
      .returning();
    order = paid!;
  }
  return { order, buyer };
}

/** The order is refunded and its grants marked for revocation, in the caller's transaction. */
export async function recordRefund(db: Database, order: Order, now: Date): Promise<number[]> {
  if (order.status === "refunded") return [];
  await db
    .update(orders)
    .set({ status: "refunded", refundedAt: now })
    .where(eq(orders.id, order.id));
  return requestRevocation(db, { orderId: order.id }, "order refunded", now);
}
