import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { sampleEventBody, type SamplePayment } from "./sample-events";
import { stripeAdapter } from "./stripe-adapter";

const SECRET = "whsec_test_current_0123456789abcdef";
const OLD_SECRET = "whsec_test_previous_0123456789abcd";
const NOW = new Date("2026-11-29T12:00:00Z");

const payment: SamplePayment = {
  orderRef: "Zk3n8Qp1Vb7Yx2Lm4Rt6Wa",
  paymentId: "pi_3QabcDEF",
  productRef: "plink_1Qdemo",
  amount: { minor: 4900, currency: "USD" },
  email: "octo@example.test",
  at: NOW,
};

/** Signed by Stripe's own test generator, at `signedAt`, with `secret`. */
function delivery(body: string, secret = SECRET, signedAt = NOW) {
  const header = Stripe.webhooks.generateTestHeaderString({
    payload: body,
    secret,
    timestamp: Math.floor(signedAt.getTime() / 1000),
  });
  return new Headers({ "stripe-signature": header });
}

const verify = (body: string, headers: Headers, secrets = [SECRET], now = NOW) =>
  stripeAdapter.verify(body, headers, secrets, { now });

describe("Stripe adapter", () => {
  it("reads a paid Checkout Session: our order id, the PaymentIntent, payment link and amount", () => {
    const body = sampleEventBody("stripe", "evt_paid", payment, { kind: "paid" });
    expect(verify(body, delivery(body))).toEqual({
      ok: true,
      event: {
        kind: "paid",
        provider: "stripe",
        providerEventId: "evt_paid",
        type: "checkout.session.completed",
        orderRef: payment.orderRef,
        externalId: "pi_3QabcDEF",
        productRef: "plink_1Qdemo",
        buyerEmail: "octo@example.test",
        amount: { minor: 4900, currency: "USD" },
      },
    });
  });

  it("ignores a session completed unpaid and pays on async_payment_succeeded", () => {
    const completed = JSON.parse(sampleEventBody("stripe", "evt_u", payment, { kind: "paid" })) as {
      type: string;
      data: { object: { payment_status: string } };
    };
    completed.data.object.payment_status = "unpaid";
    const unpaid = JSON.stringify(completed);
    expect(verify(unpaid, delivery(unpaid))).toMatchObject({
      ok: true,
      event: { kind: "ignored", reason: "payment_status is unpaid" },
    });
    completed.type = "checkout.session.async_payment_succeeded";
    completed.data.object.payment_status = "paid";
    const later = JSON.stringify(completed);
    expect(verify(later, delivery(later))).toMatchObject({ ok: true, event: { kind: "paid" } });
  });

  it("tells a full refund from a partial one, and reads a dispute as a full refund", () => {
    const full = sampleEventBody("stripe", "evt_r1", payment, { kind: "refunded", refunded: 4900 });
    const partial = sampleEventBody("stripe", "evt_r2", payment, {
      kind: "refunded",
      refunded: 1000,
    });
    const dispute = sampleEventBody("stripe", "evt_d", payment, { kind: "dispute" });
    expect(verify(full, delivery(full))).toMatchObject({
      event: { kind: "refunded", externalId: "pi_3QabcDEF", full: true, reason: "refund" },
    });
    expect(verify(partial, delivery(partial))).toMatchObject({
      event: { kind: "refunded", full: false, amount: { minor: 1000, currency: "USD" } },
    });
    expect(verify(dispute, delivery(dispute))).toMatchObject({
      event: { kind: "refunded", full: true, reason: "dispute", externalId: "pi_3QabcDEF" },
    });
  });

  it("refuses a signature older than 5 minutes by the injected clock, and a tampered body", () => {
    const body = sampleEventBody("stripe", "evt_old", payment, { kind: "paid" });
    const stale = verify(body, delivery(body, SECRET, new Date(NOW.getTime() - 301_000)));
    expect(stale).toMatchObject({ ok: false, status: 401 });
    expect(stale.ok || stale.reason).toMatch(/tolerance/);
    expect(verify(body, delivery(body, SECRET, new Date(NOW.getTime() - 299_000))).ok).toBe(true);
    const tampered = body.replace("4900", "9900");
    expect(verify(tampered, delivery(body))).toMatchObject({ ok: false, status: 401 });
  });

  it("accepts either secret while rotating, and nothing signed with another", () => {
    const body = sampleEventBody("stripe", "evt_rot", payment, { kind: "paid" });
    expect(verify(body, delivery(body, OLD_SECRET), [SECRET, OLD_SECRET]).ok).toBe(true);
    expect(verify(body, delivery(body, SECRET), [SECRET, OLD_SECRET]).ok).toBe(true);
    expect(verify(body, delivery(body, OLD_SECRET), [SECRET])).toMatchObject({
      ok: false,
      status: 401,
    });
    expect(verify(body, new Headers())).toEqual({
      ok: false,
      status: 401,
      reason: "missing Stripe-Signature header",
    });
  });

  it("answers other event types as ignored, and a signed but unreadable refund as 400", () => {
    const other = JSON.stringify({
      id: "evt_o",
      object: "event",
      type: "customer.created",
      data: { object: {} },
    });
    expect(verify(other, delivery(other))).toMatchObject({ ok: true, event: { kind: "ignored" } });
    const broken = JSON.stringify({
      id: "evt_b",
      object: "event",
      type: "charge.refunded",
      data: { object: {} },
    });
    expect(verify(broken, delivery(broken))).toMatchObject({
      ok: false,
      status: 400,
      deliveryId: "evt_b",
    });
  });
});
