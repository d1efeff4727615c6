import { and, eq } from "drizzle-orm";
import { orders } from "../db/schema";
import type { Database } from "../db/types";
import { signStandardWebhook } from "../webhooks/standard-webhooks";

export type TestPaymentOutcome =
  | { ok: true }
  | { ok: false; reason: "not_found" | "not_payable" | "webhook_refused"; message: string };

/**
 * The test checkout's "Pay": sends our own order webhook a correctly signed `order.paid`, so a
 * test payment takes exactly the path a real provider's does (route, signature check, ingest,
 * fulfillment wake-up). Only the buyer's own pending order can be paid; paying twice is a no-op
 * because the delivery id is the order's.
 */
export async function payTestOrder(
  db: Database,
  input: {
    buyerId: string;
    orderId: string;
    /** Our own base URL: the webhook goes through the network like any provider's. */
    appUrl: string;
    secret: string;
    now: Date;
    fetch?: typeof fetch;
  },
): Promise<TestPaymentOutcome> {
  const [order] = await db
    .select({ status: orders.status })
    .from(orders)
    .where(and(eq(orders.id, input.orderId), eq(orders.buyerId, input.buyerId)));
  if (!order) return { ok: false, reason: "not_found", message: "There is no such order." };
  if (order.status === "paid") return { ok: true };
  if (order.status !== "pending") {
    return { ok: false, reason: "not_payable", message: `This order is ${order.status}.` };
  }

  const body = JSON.stringify({
    type: "order.paid",
    timestamp: input.now.toISOString(),
    data: { orderId: input.orderId },
  });
  const response = await (input.fetch ?? fetch)(`${input.appUrl}/api/webhooks/orders`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...signStandardWebhook(body, input.secret, { id: `test_${input.orderId}`, at: input.now }),
    },
    body,
  });
  if (response.ok) return { ok: true };
  const answer = (await response.json().catch(() => ({}))) as { error?: unknown };
  return {
    ok: false,
    reason: "webhook_refused",
    message: `The order webhook refused the test payment (${response.status}${
      typeof answer.error === "string" ? `: ${answer.error}` : ""
    }).`,
  };
}
