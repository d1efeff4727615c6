import { PAYMENT_LINKS } from "./payment-links";
import Stripe from "stripe";
import { z } from "zod";
import {
  money,
  type PaymentAdapter,
  type PaymentEvent,
  type VerifiedPayment,
} from "./payment-event";

const TOLERANCE_SECONDS = 300;

const id = z.string().min(1);
const session = z.object({
  id,
  client_reference_id: z.string().nullish(),
  payment_status: z.string(),
  payment_intent: z.string().nullish(),
  payment_link: z.string().nullish(),
  amount_total: z.number().int().nullish(),
  currency: z.string().nullish(),
  customer_details: z.object({ email: z.string().nullish() }).nullish(),
});
const charge = z.object({
  payment_intent: id,
  amount: z.number().int(),
  amount_refunded: z.number().int(),
  refunded: z.boolean(),
  currency: z.string(),
});
const dispute = z.object({ payment_intent: id, amount: z.number().int(), currency: z.string() });

type Base = Pick<PaymentEvent, "provider" | "providerEventId" | "type">;

function readSession(base: Base, object: unknown): PaymentEvent | string {
  const parsed = session.safeParse(object);
  if (!parsed.success) return "data.object is not a Checkout Session";
  const s = parsed.data;
  // Delayed methods (bank debits) complete the session unpaid; async_payment_succeeded follows.
  if (s.payment_status !== "paid") {
    return { ...base, kind: "ignored", reason: `payment_status is ${s.payment_status}` };
  }
  return {
    ...base,
    kind: "paid",
    orderRef: s.client_reference_id ?? undefined,
    // Refunds and disputes name the PaymentIntent only, so that is the id we keep.
    externalId: s.payment_intent ?? s.id,
    productRef: s.payment_link ?? undefined,
    buyerEmail: s.customer_details?.email ?? undefined,
    amount: money(s.amount_total, s.currency),
  };
}

function readEvent(event: Stripe.Event): PaymentEvent | string {
  const base: Base = { provider: "stripe", providerEventId: event.id, type: event.type };
  const object: unknown = event.data.object;
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
      return readSession(base, object);
    case "charge.refunded": {
      const parsed = charge.safeParse(object);
      if (!parsed.success) return "data.object is not a Charge with a payment_intent";
      const c = parsed.data;
      return {
        ...base,
        kind: "refunded",
        externalId: c.payment_intent,
        full: c.refunded || c.amount_refunded >= c.amount,
        reason: "refund",
        amount: money(c.amount_refunded, c.currency),
      };
    }
    case "charge.dispute.created": {
      const parsed = dispute.safeParse(object);
      if (!parsed.success) return "data.object is not a Dispute with a payment_intent";
      // The money is held from the moment a dispute opens; access goes with it.
      return {
        ...base,
        kind: "refunded",
        externalId: parsed.data.payment_intent,
        full: true,
        reason: "dispute",
        amount: money(parsed.data.amount, parsed.data.currency),
      };
    }
    default:
      return { ...base, kind: "ignored", reason: `Repogrant does not act on ${event.type}` };
  }
}

/**
 * Stripe (Payment Links / Checkout): `Stripe-Signature: t=…,v1=…`, verified by the official
 * library against the caller's clock; our order id travels as `client_reference_id`.
 */
export const stripeAdapter: PaymentAdapter = {
  provider: "stripe",
  secretVariable: "STRIPE_WEBHOOK_SECRET",
  linkPlaceholder: PAYMENT_LINKS.stripe.placeholder,

  verify(rawBody, headers, secrets, { now }): VerifiedPayment {
    const header = headers.get("stripe-signature");
    if (!header) return { ok: false, status: 401, reason: "missing Stripe-Signature header" };
    let event: Stripe.Event | undefined;
    let failure = "no signature matched";
    for (const secret of secrets) {
      try {
        event = Stripe.webhooks.constructEvent(
          rawBody,
          header,
          secret,
          TOLERANCE_SECONDS,
          undefined,
          now.getTime(),
        );
        break;
      } catch (error) {
        if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) {
          // Signed correctly, but the body is not JSON.
          if (error instanceof SyntaxError)
            return { ok: false, status: 400, reason: "body is not valid JSON" };
          throw error;
        }
        failure = error.message.split("\n")[0] ?? failure;
      }
    }
    if (!event) return { ok: false, status: 401, reason: failure };
    const read = readEvent(event);
    if (typeof read === "string") {
      return { ok: false, status: 400, reason: `${event.type}: ${read}`, deliveryId: event.id };
    }
    return { ok: true, event: read };
  },

  sign(rawBody, secret, { now }) {
    return {
      "content-type": "application/json",
      "stripe-signature": Stripe.webhooks.generateTestHeaderString({
        payload: rawBody,
        secret,
        timestamp: Math.floor(now.getTime() / 1000),
      }),
    };
  },
};
