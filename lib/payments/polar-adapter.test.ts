import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { polarAdapter } from "./polar-adapter";
import { sampleEventBody, type SamplePayment } from "./sample-events";

// A secret created after Polar's 2026-09-08 cutoff (base64 after whsec_), and an older one whose
// key is the whole string.
const SECRET = "whsec_" + Buffer.from("polar-standard-secret-32-bytes!!").toString("base64");
const LEGACY_SECRET = "polar_whs_legacyRawStringSecret0123456789";
const NOW = new Date("2026-11-29T12:00:00Z");

const payment: SamplePayment = {
  orderRef: "Zk3n8Qp1Vb7Yx2Lm4Rt6Wa",
  paymentId: "2f0b8d8e-7c1a-4d62-9a57-0b3c4d5e6f70",
  productRef: "8f3e1c2a-1b2c-4d5e-8f90-a1b2c3d4e5f6",
  amount: { minor: 4900, currency: "USD" },
  email: "octo@example.test",
  at: NOW,
};

/** Signed with the Standard Webhooks library, the way Polar's own SDK tests sign. */
function delivery(body: string, key: Webhook, id = "msg_polar_1", at = NOW) {
  return new Headers({
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": key.sign(id, at, body),
  });
}
const standard = new Webhook(SECRET);
const legacy = new Webhook(LEGACY_SECRET, { format: "raw" });

const verify = (body: string, headers: Headers, secrets = [SECRET], now = NOW) =>
  polarAdapter.verify(body, headers, secrets, { now });

describe("Polar adapter", () => {
  it("reads order.paid: reference_id, order id, product and total; the webhook-id is the event id", () => {
    const body = sampleEventBody("polar", "", payment, { kind: "paid" });
    expect(verify(body, delivery(body, standard))).toEqual({
      ok: true,
      event: {
        kind: "paid",
        provider: "polar",
        providerEventId: "msg_polar_1",
        type: "order.paid",
        orderRef: payment.orderRef,
        externalId: payment.paymentId,
        productRef: payment.productRef,
        buyerEmail: "octo@example.test",
        amount: { minor: 4900, currency: "USD" },
      },
    });
  });

  it("verifies both key modes: a standard secret and a legacy raw-string one", () => {
    const body = sampleEventBody("polar", "", payment, { kind: "paid" });
    expect(verify(body, delivery(body, legacy), [LEGACY_SECRET]).ok).toBe(true);
    expect(verify(body, delivery(body, standard), [LEGACY_SECRET]).ok).toBe(false);
    // The same whsec_ string used as a raw key (an old Polar secret) is accepted too.
    expect(verify(body, delivery(body, new Webhook(SECRET, { format: "raw" }))).ok).toBe(true);
  });

  it("tells partially_refunded from refunded", () => {
    const partial = sampleEventBody("polar", "", payment, { kind: "refunded", refunded: 1000 });
    const full = sampleEventBody("polar", "", payment, { kind: "refunded", refunded: 4900 });
    expect(verify(partial, delivery(partial, standard))).toMatchObject({
      event: { kind: "refunded", full: false, externalId: payment.paymentId },
    });
    expect(verify(full, delivery(full, standard))).toMatchObject({
      event: { kind: "refunded", full: true },
    });
  });

  it("refuses stale and future timestamps by the injected clock, and tampered bodies", () => {
    const body = sampleEventBody("polar", "", payment, { kind: "paid" });
    for (const offset of [-301_000, 301_000]) {
      const headers = delivery(body, standard, "msg_t", new Date(NOW.getTime() + offset));
      expect(verify(body, headers)).toMatchObject({ ok: false, status: 401 });
    }
    expect(verify(body.replace("4900", "100"), delivery(body, standard))).toMatchObject({
      ok: false,
      status: 401,
    });
  });

  it("accepts either secret while rotating, including a legacy one beside a new one", () => {
    const body = sampleEventBody("polar", "", payment, { kind: "paid" });
    expect(verify(body, delivery(body, legacy), [SECRET, LEGACY_SECRET]).ok).toBe(true);
    expect(verify(body, delivery(body, standard), [SECRET, LEGACY_SECRET]).ok).toBe(true);
  });

  it("ignores order.created (not paid yet), and signs exactly as it verifies", () => {
    const created = JSON.parse(sampleEventBody("polar", "", payment, { kind: "paid" })) as {
      type: string;
    };
    created.type = "order.created";
    const body = JSON.stringify(created);
    expect(verify(body, delivery(body, standard))).toMatchObject({ event: { kind: "ignored" } });
    const paid = sampleEventBody("polar", "", payment, { kind: "paid" });
    const headers = new Headers(polarAdapter.sign(paid, SECRET, { now: NOW, eventId: "msg_s" }));
    expect(verify(paid, headers)).toMatchObject({ ok: true, event: { providerEventId: "msg_s" } });
  });
});
