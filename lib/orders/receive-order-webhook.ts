import { describeDbError } from "../db/describe-db-error";
import type { Database } from "../db/types";
import { logWebhookRejection } from "../webhooks/log-rejection";
import { BodyTooLarge, readLimitedBody } from "../webhooks/read-limited-body";
import { verifyStandardWebhook } from "../webhooks/standard-webhooks";
import type { WebhookAnswer } from "../webhooks/webhook-answer";
import { applyOrderEvent, type OrderEventResult } from "./apply-order-event";
import { describeIssues, exceedsDepth, MAX_EVENT_DEPTH, orderEventSchema } from "./order-event";
import { OrderRejected } from "./order-rejected";

export const ORDER_WEBHOOK_SOURCE = "orders";
const MAX_BODY_BYTES = 1024 * 1024;
// Stored as the dedupe key; senders use ids like "msg_<27 chars>".
const MAX_DELIVERY_ID_CHARS = 200;

/**
 * POST /api/webhooks/orders: size limit → signature on the raw body → JSON → schema → one
 * transaction. Every refusal is logged for the merchant and leaves the delivery id unused.
 */
export async function receiveOrderWebhook(
  db: Database,
  request: Request,
  options: { secrets: readonly string[]; now: Date },
): Promise<WebhookAnswer<OrderEventResult>> {
  const deliveryId = request.headers.get("webhook-id");
  let signed = false;
  const refuse = async (status: number, error: string, detail?: Record<string, unknown>) => {
    await logWebhookRejection(
      db,
      {
        source: ORDER_WEBHOOK_SOURCE,
        deliveryId,
        httpStatus: status,
        reason: error,
        signed,
        detail,
      },
      options.now,
    );
    return { status, body: { error } };
  };

  // An unsigned event is never accepted, so without a secret there is nothing we can accept.
  if (options.secrets.length === 0) {
    return refuse(503, "ORDER_WEBHOOK_SECRET is not set: order webhooks cannot be verified");
  }
  let raw: string;
  try {
    raw = await readLimitedBody(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return refuse(413, "body larger than 1 MB");
    throw error;
  }
  const signature = verifyStandardWebhook(raw, request.headers, options.secrets, options.now);
  if (!signature.ok) return refuse(401, `signature rejected: ${signature.reason}`);
  signed = true;
  if (signature.deliveryId.length > MAX_DELIVERY_ID_CHARS) {
    return refuse(400, `webhook-id: longer than ${MAX_DELIVERY_ID_CHARS} characters`);
  }

  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return refuse(400, "body is not valid JSON");
  }
  if (exceedsDepth(json, MAX_EVENT_DEPTH)) {
    return refuse(400, `body: nested deeper than ${MAX_EVENT_DEPTH} levels`);
  }
  const parsed = orderEventSchema.safeParse(json);
  if (!parsed.success) return refuse(400, describeIssues(parsed.error), { body: json });

  try {
    const result = await applyOrderEvent(db, {
      source: ORDER_WEBHOOK_SOURCE,
      deliveryId: signature.deliveryId,
      event: parsed.data,
      now: options.now,
    });
    return {
      status: 200,
      body: {
        ok: true,
        duplicate: result.outcome === "duplicate",
        orderId: result.orderId ?? null,
      },
      applied: result,
    };
  } catch (error) {
    if (error instanceof OrderRejected) {
      return refuse(error.httpStatus, error.message, { body: json });
    }
    // Nothing was kept (one transaction), so the sender's retry is safe; the log names the
    // failure without the query's parameters, which hold buyer data.
    console.error(`[orders] delivery not applied: ${describeDbError(error)}`);
    return { status: 503, body: { error: "the order could not be stored now; retry later" } };
  }
}
