import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { lemonSqueezyAdapter } from "./lemonsqueezy-adapter";
import { sampleEventBody, type SamplePayment } from "./sample-events";

const SECRET = "ls-signing-secret-1";
const OLD_SECRET = "ls-signing-secret-0";
const NOW = new Date("2026-11-29T12:00:00Z");

const payment: SamplePayment = {
  orderRef: "Zk3n8Qp1Vb7Yx2Lm4Rt6Wa",
  paymentId: "1234567",
  productRef: "98765",
  amount: { minor: 4900, currency: "USD" },
  email: "octo@example.test",
  at: NOW,
};

/** Signed as Lemon Squeezy documents it: hex HMAC-SHA256 of the raw body. */
const delivery = (body: string, secret = SECRET) =>
  new Headers({ "x-signature": createHmac("sha256", secret).update(body).digest("hex") });

const verify = (body: string, headers: Headers, secrets = [SECRET]) =>
  lemonSqueezyAdapter.verify(body, headers, secrets, { now: NOW });

describe("Lemon Squeezy adapter", () => {
  it("reads order_created: custom order id, order id, variant and total", () => {
    const body = sampleEventBody("lemonsqueezy", "", payment, { kind: "paid" });
    const result = verify(body, delivery(body));
    expect(result).toEqual({
      ok: true,
      event: {
        kind: "paid",
        provider: "lemonsqueezy",
        providerEventId: `order_created:1234567:${NOW.toISOString()}:0`,
        type: "order_created",
        orderRef: payment.orderRef,
        externalId: "1234567",
        productRef: "98765",
        buyerEmail: "octo@example.test",
        amount: { minor: 4900, currency: "USD" },
      },
    });
  });

  it("tells a full refund from a partial one, with a distinct event id for each", () => {
    const partial = sampleEventBody("lemonsqueezy", "", payment, {
      kind: "refunded",
      refunded: 100,
    });
    const full = sampleEventBody("lemonsqueezy", "", payment, { kind: "refunded", refunded: 4900 });
    const a = verify(partial, delivery(partial));
    const b = verify(full, delivery(full));
    expect(a).toMatchObject({
      ok: true,
      event: { kind: "refunded", full: false, externalId: "1234567" },
    });
    expect(b).toMatchObject({ ok: true, event: { kind: "refunded", full: true } });
    expect(a.ok && b.ok && a.event.providerEventId !== b.event.providerEventId).toBe(true);
  });

  it("refuses a tampered body, a foreign secret and a missing or malformed signature", () => {
    const body = sampleEventBody("lemonsqueezy", "", payment, { kind: "paid" });
    expect(verify(body.replace("4900", "100"), delivery(body))).toMatchObject({
      ok: false,
      status: 401,
    });
    expect(verify(body, delivery(body, "someone-else"))).toMatchObject({ ok: false, status: 401 });
    expect(verify(body, new Headers({ "x-signature": "zz" }))).toMatchObject({
      ok: false,
      status: 401,
    });
    expect(verify(body, new Headers())).toMatchObject({ reason: "missing X-Signature header" });
  });

  it("accepts either secret while rotating", () => {
    const body = sampleEventBody("lemonsqueezy", "", payment, { kind: "paid" });
    expect(verify(body, delivery(body, OLD_SECRET), [SECRET, OLD_SECRET]).ok).toBe(true);
    expect(verify(body, delivery(body, OLD_SECRET), [SECRET]).ok).toBe(false);
  });

  it("ignores an unpaid order and events it does not act on", () => {
    const pending = JSON.parse(sampleEventBody("lemonsqueezy", "", payment, { kind: "paid" })) as {
      meta: { event_name: string };
      data: { attributes: { status: string } };
    };
    pending.data.attributes.status = "pending";
    const body = JSON.stringify(pending);
    expect(verify(body, delivery(body))).toMatchObject({ ok: true, event: { kind: "ignored" } });
    pending.meta.event_name = "subscription_created";
    const other = JSON.stringify(pending);
    expect(verify(other, delivery(other))).toMatchObject({ ok: true, event: { kind: "ignored" } });
  });

  it("signs exactly as it verifies: the sandbox's test events pass", () => {
    const body = sampleEventBody("lemonsqueezy", "", payment, { kind: "paid" });
    const headers = new Headers(lemonSqueezyAdapter.sign(body, SECRET, { now: NOW, eventId: "x" }));
    expect(headers.get("x-signature")).toBe(delivery(body).get("x-signature"));
    expect(headers.get("x-event-name")).toBe("order_created");
  });
});
