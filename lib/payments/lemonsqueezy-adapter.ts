import { PAYMENT_LINKS } from "./payment-links";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import {
  money,
  type PaymentAdapter,
  type PaymentEvent,
  type VerifiedPayment,
} from "./payment-event";

const orderBody = z.object({
  meta: z.object({
    event_name: z.string().min(1),
    custom_data: z.object({ order_id: z.string().optional() }).loose().nullish(),
  }),
  data: z.object({
    id: z.union([z.string().min(1), z.number().int()]).transform(String),
    attributes: z
      .object({
        status: z.string().optional(),
        total: z.number().int().optional(),
        currency: z.string().optional(),
        user_email: z.string().nullish(),
        refunded: z.boolean().optional(),
        refunded_amount: z.number().int().nullish(),
        updated_at: z.string().nullish(),
        first_order_item: z
          .object({ variant_id: z.union([z.string(), z.number()]).transform(String) })
          .loose()
          .nullish(),
      })
      .loose(),
  }),
});

const hmacHex = (secret: string, rawBody: string) =>
  createHmac("sha256", secret).update(rawBody).digest("hex");

function signatureMatches(presented: string, secret: string, rawBody: string): boolean {
  if (!/^[0-9a-f]{64}$/i.test(presented)) return false;
  return timingSafeEqual(
    Buffer.from(presented, "hex"),
    Buffer.from(hmacHex(secret, rawBody), "hex"),
  );
}

function readOrder(body: z.infer<typeof orderBody>): PaymentEvent {
  const { meta, data } = body;
  const a = data.attributes;
  // Lemon Squeezy sends no event id: a retry repeats the body, and a later change of the same
  // order (another partial refund) changes updated_at or refunded_amount.
  const providerEventId = [
    meta.event_name,
    data.id,
    a.updated_at ?? "",
    a.refunded_amount ?? "",
  ].join(":");
  const base = { provider: "lemonsqueezy" as const, providerEventId, type: meta.event_name };
  const orderRef = meta.custom_data?.order_id || undefined;
  if (meta.event_name === "order_created") {
    if (a.status !== "paid")
      return { ...base, kind: "ignored", reason: `order status is ${a.status}` };
    return {
      ...base,
      kind: "paid",
      orderRef,
      externalId: data.id,
      productRef: a.first_order_item?.variant_id,
      buyerEmail: a.user_email ?? undefined,
      amount: money(a.total, a.currency),
    };
  }
  if (meta.event_name === "order_refunded") {
    // Chargebacks arrive here too: Lemon Squeezy refunds in full on the merchant's behalf.
    return {
      ...base,
      kind: "refunded",
      orderRef,
      externalId: data.id,
      full: a.refunded === true || a.status === "refunded",
      reason: "refund",
      amount: money(a.refunded_amount, a.currency),
    };
  }
  return { ...base, kind: "ignored", reason: `Repogrant does not act on ${meta.event_name}` };
}

/**
 * Lemon Squeezy: `X-Signature` is the hex HMAC-SHA256 of the raw body. There is no timestamp,
 * so a replay is caught only by the delivery dedupe; our order id travels as
 * `checkout[custom][order_id]` and returns in `meta.custom_data.order_id`.
 */
export const lemonSqueezyAdapter: PaymentAdapter = {
  provider: "lemonsqueezy",
  secretVariable: "LEMONSQUEEZY_WEBHOOK_SECRET",
  linkPlaceholder: PAYMENT_LINKS.lemonsqueezy.placeholder,

  verify(rawBody, headers, secrets): VerifiedPayment {
    const presented = headers.get("x-signature");
    if (!presented) return { ok: false, status: 401, reason: "missing X-Signature header" };
    if (!secrets.some((secret) => signatureMatches(presented.trim(), secret, rawBody))) {
      return { ok: false, status: 401, reason: "no signature matched" };
    }
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      return { ok: false, status: 400, reason: "body is not valid JSON" };
    }
    const parsed = orderBody.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { ok: false, status: 400, reason: `${issue.path.join(".")}: ${issue.message}` };
    }
    return { ok: true, event: readOrder(parsed.data) };
  },

  sign(rawBody, secret, { now: _now }) {
    const name = (JSON.parse(rawBody) as { meta?: { event_name?: string } }).meta?.event_name;
    return {
      "content-type": "application/json",
      "x-event-name": name ?? "",
      "x-signature": hmacHex(secret, rawBody),
    };
  },
};
