import type { Database } from "../db/types";
import { PAYMENT_ADAPTERS } from "../payments/adapters";
import type { PaymentProvider } from "../payments/payment-event";
import { logWebhookRejection } from "../webhooks/log-rejection";
import { BodyTooLarge, readLimitedBody } from "../webhooks/read-limited-body";
import type { WebhookAnswer } from "../webhooks/webhook-answer";
import { applyPaymentEvent, type PaymentEventResult } from "./apply-payment-event";
import { OrderRejected } from "./order-rejected";

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * POST /api/webhooks/<provider>: size limit → the provider's signature on the raw body → one
 * transaction (applyPaymentEvent). Every refusal is logged for the merchant under the
 * provider's name and leaves the event id unused, so the provider's retry can still apply it.
 */
export async function receivePaymentWebhook(
  db: Database,
  request: Request,
  options: { provider: PaymentProvider; secrets: readonly string[]; now: Date },
): Promise<WebhookAnswer<PaymentEventResult>> {
  const adapter = PAYMENT_ADAPTERS[options.provider];
  const refuse = async (
    status: number,
    error: string,
    deliveryId: string | null = null,
    detail?: Record<string, unknown>,
  ) => {
    await logWebhookRejection(
      db,
      { source: options.provider, deliveryId, httpStatus: status, reason: error, detail },
      options.now,
    );
    return { status, body: { error } };
  };

  // An unsigned event is never accepted, so without a secret there is nothing we can accept.
  if (options.secrets.length === 0) {
    return refuse(
      503,
      `${adapter.secretVariable} is not set: ${options.provider} events cannot be verified`,
    );
  }
  let raw: string;
  try {
    raw = await readLimitedBody(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return refuse(413, "body larger than 1 MB");
    throw error;
  }
  const verified = adapter.verify(raw, request.headers, options.secrets, { now: options.now });
  if (!verified.ok) {
    const reason =
      verified.status === 401 ? `signature rejected: ${verified.reason}` : verified.reason;
    return refuse(verified.status, reason, verified.deliveryId ?? null);
  }
  const { event } = verified;
  try {
    const result = await applyPaymentEvent(db, { event, now: options.now });
    return {
      status: 200,
      body: {
        ok: true,
        duplicate: result.outcome === "duplicate",
        outcome: result.outcome,
        orderId: result.orderId ?? null,
        ...(result.note ? { note: result.note } : {}),
      },
      applied: result,
    };
  } catch (error) {
    if (error instanceof OrderRejected) {
      return refuse(error.httpStatus, error.message, event.providerEventId, {
        type: event.type,
        orderRef: "orderRef" in event ? (event.orderRef ?? null) : null,
      });
    }
    throw error;
  }
}
