import { and, eq } from "drizzle-orm";
import { orders, paymentMismatches, products } from "../db/schema";
import type { Database } from "../db/types";
import type { PaymentEvent } from "../payments/payment-event";
import { recordDelivery } from "../webhooks/record-delivery";
import { recordRefund } from "./apply-order-event";
import { checkPaymentMatch } from "./check-payment-match";
import { settlePaidOrder } from "./mark-order-paid";
import { OrderRejected } from "./order-rejected";

export interface PaymentEventResult {
  /**
   * applied: the order changed; duplicate: this event was applied before; ignored: recorded,
   * nothing to do (a sale made elsewhere, an order already settled); mismatch: the payment does
   * not match the order it names, recorded for the merchant, nobody invited.
   */
  outcome: "applied" | "duplicate" | "ignored" | "mismatch";
  orderId?: string;
  /** In words, for the provider's delivery log and ours. */
  note?: string;
  grantIds: number[];
}

type Order = typeof orders.$inferSelect;

/**
 * Applies a verified provider event in ONE transaction, like the generic order webhook: the
 * delivery row keyed on (provider, provider event id), then the order change and its grants. An
 * OrderRejected rolls everything back, so the provider's retry is applied once its cause is
 * gone (a refund that arrived before its payment). Orders never move backwards: a payment
 * after a refund is recorded and ignored.
 */
export async function applyPaymentEvent(
  db: Database,
  input: { event: PaymentEvent; now: Date },
): Promise<PaymentEventResult> {
  const { event, now } = input;
  return db.transaction(async (tx) => {
    const fresh = await recordDelivery(tx, {
      source: event.provider,
      deliveryId: event.providerEventId,
      type: event.type,
      receivedAt: now,
    });
    if (!fresh) return { outcome: "duplicate", grantIds: [] };
    if (event.kind === "ignored") return { outcome: "ignored", note: event.reason, grantIds: [] };
    if (event.kind === "paid") return applyPayment(tx, event, now);
    return applyRefund(tx, event, now);
  });
}

async function lockOrder(tx: Database, orderId: string): Promise<Order | undefined> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update");
  return order;
}

async function applyPayment(
  tx: Database,
  event: Extract<PaymentEvent, { kind: "paid" }>,
  now: Date,
): Promise<PaymentEventResult> {
  // Provider accounts also sell things outside Repogrant: without our reference, not ours.
  if (!event.orderRef) {
    return { outcome: "ignored", note: "no Repogrant order reference", grantIds: [] };
  }
  const order = await lockOrder(tx, event.orderRef);
  if (!order) throw new OrderRejected(404, `order reference "${event.orderRef}": no such order`);
  const ignored = (note: string): PaymentEventResult => ({
    outcome: "ignored",
    orderId: order.id,
    note,
    grantIds: [],
  });
  if (order.status === "refunded" || order.status === "canceled") {
    return ignored(`order ${order.id} is ${order.status}; a payment never reopens it`);
  }
  const samePayment =
    order.paymentProvider === event.provider && order.providerPaymentId === event.externalId;
  if (order.status === "paid" && samePayment) return ignored(`order ${order.id} is already paid`);

  const [product] = await tx
    .select({
      paymentProvider: products.paymentProvider,
      providerProductRef: products.providerProductRef,
      providerAmountCents: products.providerAmountCents,
      priceCents: products.priceCents,
      currency: products.currency,
    })
    .from(products)
    .where(eq(products.id, order.productId));
  const mismatch =
    order.status === "paid"
      ? { reason: `order ${order.id} was already paid by another payment`, detail: {} }
      : checkPaymentMatch(
          {
            paymentProvider: product!.paymentProvider,
            providerProductRef: product!.providerProductRef,
            minimumAmount: product!.providerAmountCents ?? order.amount ?? product!.priceCents,
            currency: order.currency ?? product!.currency,
          },
          event,
        );
  if (mismatch) {
    await tx.insert(paymentMismatches).values({
      orderId: order.id,
      provider: event.provider,
      providerEventId: event.providerEventId,
      providerPaymentId: event.externalId,
      reason: mismatch.reason,
      detail: mismatch.detail,
      receivedAt: now,
    });
    return { outcome: "mismatch", orderId: order.id, note: mismatch.reason, grantIds: [] };
  }
  const grantIds = await settlePaidOrder(
    tx,
    order,
    {
      paymentProvider: event.provider,
      providerPaymentId: event.externalId,
      amount: event.amount?.minor,
      currency: event.amount?.currency,
      buyerEmail: event.buyerEmail,
    },
    now,
  );
  return { outcome: "applied", orderId: order.id, grantIds };
}

async function applyRefund(
  tx: Database,
  event: Extract<PaymentEvent, { kind: "refunded" }>,
  now: Date,
): Promise<PaymentEventResult> {
  // Stripe's refunds and disputes name only the payment, so the order is found by it.
  const [byPayment] = await tx
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.paymentProvider, event.provider),
        eq(orders.providerPaymentId, event.externalId),
      ),
    )
    .for("update");
  const order = byPayment ?? (event.orderRef ? await lockOrder(tx, event.orderRef) : undefined);
  if (!order) {
    // Most likely the payment event is still on its way: refused, so the provider's retry
    // lands after it. (A refund of a sale made elsewhere is refused the same way.)
    throw new OrderRejected(
      404,
      `no order paid by ${event.provider} payment "${event.externalId}"`,
    );
  }
  const ignored = (note: string): PaymentEventResult => ({
    outcome: "ignored",
    orderId: order.id,
    note,
    grantIds: [],
  });
  // Found by its reference, but paid by another payment (one whose own payment was refused as
  // a mismatch, say): refunding that other payment does not touch this order.
  if (!byPayment && order.providerPaymentId) {
    return ignored(`order ${order.id} was paid by another payment`);
  }
  if (order.status === "refunded") return ignored(`order ${order.id} is already refunded`);
  if (!event.full && event.reason === "refund") {
    const [product] = await tx
      .select({ revoke: products.revokeOnPartialRefund })
      .from(products)
      .where(eq(products.id, order.productId));
    if (!product?.revoke) return ignored("partial refund: access kept (the product's setting)");
  }
  const grantIds = await recordRefund(tx, order, now);
  return { outcome: "applied", orderId: order.id, grantIds };
}
