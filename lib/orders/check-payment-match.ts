import type { Money, PaymentProvider } from "../payments/payment-event";

/** What the product's payment settings and the order expect a provider payment to say. */
export interface PaymentExpectation {
  paymentProvider: PaymentProvider | null;
  providerProductRef: string | null;
  /** The least accepted, in minor units: the product's provider amount, else its price. */
  minimumAmount: number;
  currency: string;
}

export interface PaymentMismatch {
  reason: string;
  detail: Record<string, unknown>;
}

/**
 * Whether a payment may pay the order it names. The order reference in a payment link is the
 * buyer's to edit, so a cheap product's checkout could carry an expensive order's id: the
 * payment must be for the product's provider reference and at least its amount, in its
 * currency. More is fine (tax, tips); less or another product invites nobody.
 */
export function checkPaymentMatch(
  expected: PaymentExpectation,
  payment: { provider: PaymentProvider; productRef?: string; amount?: Money },
): PaymentMismatch | null {
  const detail = {
    expected: {
      provider: expected.paymentProvider,
      productRef: expected.providerProductRef,
      amount: { minor: expected.minimumAmount, currency: expected.currency },
    },
    received: {
      provider: payment.provider,
      productRef: payment.productRef ?? null,
      amount: payment.amount ?? null,
    },
  };
  if (expected.paymentProvider && expected.paymentProvider !== payment.provider) {
    return {
      reason: `paid through ${payment.provider}, but the product is sold through ${expected.paymentProvider}`,
      detail,
    };
  }
  if (expected.providerProductRef && payment.productRef !== expected.providerProductRef) {
    return {
      reason: `paid for ${payment.productRef ?? "an unnamed product"}, not this product's ${expected.providerProductRef}`,
      detail,
    };
  }
  if (!payment.amount) return { reason: "the payment names no amount", detail };
  if (payment.amount.currency !== expected.currency.toUpperCase()) {
    return { reason: `paid in ${payment.amount.currency}, not ${expected.currency}`, detail };
  }
  if (payment.amount.minor < expected.minimumAmount) {
    return {
      reason: `paid ${payment.amount.minor} ${payment.amount.currency} minor units, less than the ${expected.minimumAmount} expected`,
      detail,
    };
  }
  return null;
}
