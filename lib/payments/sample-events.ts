import type { Money, PaymentProvider } from "./payment-event";

/** What a sample event is about: a payment of `amount` for `productRef`, maybe of our order. */
export interface SamplePayment {
  /** Our order id, as the payment link carried it; absent for a sale made elsewhere. */
  orderRef?: string;
  /** The provider's payment id (pi_…, Lemon Squeezy order id, Polar order id). */
  paymentId: string;
  /** Payment link (plink_…), variant id or product id. */
  productRef: string;
  amount: Money;
  email: string;
  at: Date;
}

export type SampleEvent =
  { kind: "paid" } | { kind: "refunded"; refunded: number } | { kind: "dispute" };

const unix = (at: Date) => Math.floor(at.getTime() / 1000);

function stripeEvent(id: string, sample: SamplePayment, event: SampleEvent) {
  const { amount, at } = sample;
  const currency = amount.currency.toLowerCase();
  const envelope = (type: string, object: Record<string, unknown>) => ({
    id,
    object: "event",
    api_version: "2025-10-29.clover",
    created: unix(at),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  });
  if (event.kind === "paid") {
    return envelope("checkout.session.completed", {
      id: `cs_test_${sample.paymentId.slice(3)}`,
      object: "checkout.session",
      amount_subtotal: amount.minor,
      amount_total: amount.minor,
      client_reference_id: sample.orderRef ?? null,
      created: unix(at),
      currency,
      customer_details: { email: sample.email, name: null },
      livemode: false,
      metadata: {},
      mode: "payment",
      payment_intent: sample.paymentId,
      payment_link: sample.productRef,
      payment_status: "paid",
      status: "complete",
    });
  }
  if (event.kind === "refunded") {
    return envelope("charge.refunded", {
      id: `ch_${sample.paymentId.slice(3)}`,
      object: "charge",
      amount: amount.minor,
      amount_captured: amount.minor,
      amount_refunded: event.refunded,
      currency,
      paid: true,
      payment_intent: sample.paymentId,
      refunded: event.refunded >= amount.minor,
      status: "succeeded",
    });
  }
  return envelope("charge.dispute.created", {
    id: `dp_${sample.paymentId.slice(3)}`,
    object: "dispute",
    amount: amount.minor,
    charge: `ch_${sample.paymentId.slice(3)}`,
    currency,
    payment_intent: sample.paymentId,
    reason: "fraudulent",
    status: "needs_response",
  });
}

function lemonSqueezyEvent(sample: SamplePayment, event: SampleEvent) {
  const { amount, at } = sample;
  const refunded = event.kind === "refunded" ? event.refunded : 0;
  const full = refunded >= amount.minor;
  return {
    meta: {
      test_mode: true,
      event_name: event.kind === "paid" ? "order_created" : "order_refunded",
      webhook_id: "c8d1a7f0-0b1e-4c37-9a54-2f1d2a3b4c5d",
      ...(sample.orderRef ? { custom_data: { order_id: sample.orderRef } } : {}),
    },
    data: {
      type: "orders",
      id: sample.paymentId,
      attributes: {
        store_id: 1,
        identifier: `104e18a2-d755-4d4b-80c4-${sample.paymentId.padStart(12, "0").slice(-12)}`,
        order_number: Number(sample.paymentId) || 1,
        user_email: sample.email,
        currency: amount.currency,
        subtotal: amount.minor,
        total: amount.minor,
        status: event.kind === "paid" || !full ? "paid" : "refunded",
        refunded: event.kind !== "paid" && full,
        refunded_at: event.kind !== "paid" && full ? at.toISOString() : null,
        refunded_amount: refunded,
        first_order_item: {
          order_id: Number(sample.paymentId) || 1,
          product_id: 1,
          variant_id: Number(sample.productRef) || sample.productRef,
          price: amount.minor,
        },
        test_mode: true,
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
      },
    },
  };
}

function polarEvent(sample: SamplePayment, event: SampleEvent) {
  const { amount, at } = sample;
  const refunded = event.kind === "refunded" ? event.refunded : 0;
  return {
    type: event.kind === "paid" ? "order.paid" : "order.refunded",
    timestamp: at.toISOString(),
    data: {
      id: sample.paymentId,
      created_at: at.toISOString(),
      status:
        event.kind === "paid"
          ? "paid"
          : refunded >= amount.minor
            ? "refunded"
            : "partially_refunded",
      paid: true,
      subtotal_amount: amount.minor,
      total_amount: amount.minor,
      refunded_amount: refunded,
      currency: amount.currency.toLowerCase(),
      billing_reason: "purchase",
      product_id: sample.productRef,
      checkout_id: "5a3c2b1d-0e9f-4a8b-8c7d-6e5f4a3b2c1d",
      metadata: sample.orderRef ? { reference_id: sample.orderRef } : {},
      customer: { email: sample.email },
    },
  };
}

/**
 * A realistic webhook body of `provider` (the fields its documentation shows, not only those we
 * read), for the sandbox's "send test event" and for tests. `eventId` is Stripe's evt_ id; the
 * others carry their event id in headers or have none.
 */
export function sampleEventBody(
  provider: PaymentProvider,
  eventId: string,
  sample: SamplePayment,
  event: SampleEvent,
): string {
  if (event.kind === "dispute" && provider !== "stripe") {
    throw new Error(`${provider} sends chargebacks as refunds`);
  }
  const body =
    provider === "stripe"
      ? stripeEvent(eventId, sample, event)
      : provider === "lemonsqueezy"
        ? lemonSqueezyEvent(sample, event)
        : polarEvent(sample, event);
  return JSON.stringify(body, null, 2);
}
