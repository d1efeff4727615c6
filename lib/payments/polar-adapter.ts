import { PAYMENT_LINKS } from "./payment-links";
import { z } from "zod";
import { signStandardWebhook, verifyStandardWebhook } from "../webhooks/standard-webhooks";
import {
  money,
  type PaymentAdapter,
  type PaymentEvent,
  type VerifiedPayment,
} from "./payment-event";

const orderBody = z.object({
  type: z.string().min(1),
  data: z
    .object({
      id: z.string().min(1),
      status: z.string().optional(),
      total_amount: z.number().int().optional(),
      refunded_amount: z.number().int().optional(),
      currency: z.string().optional(),
      product_id: z.string().nullish(),
      metadata: z.record(z.string(), z.unknown()).nullish(),
      customer: z.object({ email: z.string().nullish() }).loose().nullish(),
    })
    .loose(),
});

function readOrder(deliveryId: string, body: z.infer<typeof orderBody>): PaymentEvent {
  const { type, data } = body;
  const base = { provider: "polar" as const, providerEventId: deliveryId, type };
  const reference = data.metadata?.reference_id;
  const orderRef = typeof reference === "string" && reference !== "" ? reference : undefined;
  // order.created fires before payment; only order.paid means the money arrived.
  if (type === "order.paid") {
    return {
      ...base,
      kind: "paid",
      orderRef,
      externalId: data.id,
      productRef: data.product_id ?? undefined,
      buyerEmail: data.customer?.email ?? undefined,
      amount: money(data.total_amount, data.currency),
    };
  }
  if (type === "order.refunded") {
    return {
      ...base,
      kind: "refunded",
      orderRef,
      externalId: data.id,
      full: data.status === "refunded",
      reason: "refund",
      amount: money(data.refunded_amount, data.currency),
    };
  }
  return { ...base, kind: "ignored", reason: `Repogrant does not act on ${type}` };
}

/**
 * Polar: Standard Webhooks headers, keyed either the standard way or (secrets created before
 * 2026-09-08) with the whole secret string; our order id travels as `reference_id` and returns
 * in `data.metadata.reference_id`. Polar also sends `order.paid`, like our generic route: the
 * adapter is chosen by the route, never by the event's name.
 */
export const polarAdapter: PaymentAdapter = {
  provider: "polar",
  secretVariable: "POLAR_WEBHOOK_SECRET",
  linkPlaceholder: PAYMENT_LINKS.polar.placeholder,

  verify(rawBody, headers, secrets, { now }): VerifiedPayment {
    const check = verifyStandardWebhook(rawBody, headers, secrets, now, {
      keyModes: ["standard", "raw"],
      secretName: "POLAR_WEBHOOK_SECRET",
    });
    if (!check.ok) return { ok: false, status: 401, reason: check.reason };
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      return {
        ok: false,
        status: 400,
        reason: "body is not valid JSON",
        deliveryId: check.deliveryId,
      };
    }
    const parsed = orderBody.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return {
        ok: false,
        status: 400,
        reason: `${issue.path.join(".")}: ${issue.message}`,
        deliveryId: check.deliveryId,
      };
    }
    return { ok: true, event: readOrder(check.deliveryId, parsed.data) };
  },

  sign(rawBody, secret, { now, eventId }) {
    // A secret that is not base64 after whsec_ can only be a legacy (raw) one.
    let headers;
    try {
      headers = signStandardWebhook(rawBody, secret, { id: eventId, at: now });
    } catch {
      headers = signStandardWebhook(rawBody, secret, { id: eventId, at: now }, "raw");
    }
    return { "content-type": "application/json", ...headers };
  },
};
