import type { PaymentProvider } from "../db/status-values";

export { PAYMENT_PROVIDERS, type PaymentProvider } from "../db/status-values";

/** An amount in minor units (cents) and its ISO currency, upper case. */
export interface Money {
  minor: number;
  currency: string;
}

interface EventBase {
  provider: PaymentProvider;
  /** The provider's id of this event: the delivery dedupe key, with the provider. */
  providerEventId: string;
  /** The provider's event name, e.g. `checkout.session.completed`. */
  type: string;
}

/**
 * A verified provider event, reduced to what Repogrant acts on. `orderRef` is our order id as
 * the buyer's payment link carried it: buyer-editable, so a payment is checked against the
 * order's product (`productRef`, `amount`) before anyone is invited.
 */
export type PaymentEvent =
  | (EventBase & {
      kind: "paid";
      orderRef?: string;
      /** The provider's payment id (pi_…, order id): later refunds name only this. */
      externalId: string;
      productRef?: string;
      buyerEmail?: string;
      amount?: Money;
    })
  | (EventBase & {
      kind: "refunded";
      orderRef?: string;
      externalId: string;
      /** False for a partial refund: access is then kept unless the product says otherwise. */
      full: boolean;
      reason: "refund" | "dispute";
      amount?: Money;
    })
  | (EventBase & { kind: "ignored"; reason: string });

export type VerifiedPayment =
  | { ok: true; event: PaymentEvent }
  | {
      ok: false;
      /** 401: the signature (or its age) is wrong; 400: signed, but not an event we can read. */
      status: 400 | 401;
      reason: string;
      /** The event id, when it could be read, for the merchant's log of refused deliveries. */
      deliveryId?: string | null;
    };

/** Headers a provider puts on a delivery, ready for fetch. */
export type SignedHeaders = Record<string, string>;

/**
 * One provider's webhook scheme. Both functions are pure and offline: no network, and the
 * clock is the caller's `now`.
 */
export interface PaymentAdapter {
  readonly provider: PaymentProvider;
  /** The variable holding its secret(s), space-separated while rotating. */
  readonly secretVariable: string;
  /** Where the payment link must carry our order id, e.g. `client_reference_id={orderId}`. */
  readonly linkPlaceholder: string;
  verify(
    rawBody: string,
    headers: Headers,
    secrets: readonly string[],
    options: { now: Date },
  ): VerifiedPayment;
  /** Signs `rawBody` exactly as the provider does (sandbox test events, tests). */
  sign(rawBody: string, secret: string, options: { now: Date; eventId: string }): SignedHeaders;
}

/** Reads a provider amount; providers send minor units as numbers, upper-cased currency here. */
export function money(minor: unknown, currency: unknown): Money | undefined {
  if (typeof minor !== "number" || !Number.isInteger(minor) || typeof currency !== "string") {
    return undefined;
  }
  return { minor, currency: currency.toUpperCase() };
}
