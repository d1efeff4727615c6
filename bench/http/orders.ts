// Signed order.paid deliveries as a payment provider sends them (Standard Webhooks), and the
// figures the scenarios print.
import { randomUUID } from "node:crypto";
import { signStandardWebhook } from "../../lib/webhooks/standard-webhooks";
import { TEST_WEBHOOK_SECRET } from "../../test/support/sign-order-webhook";

export const BENCH_PRODUCT = "bench";
export const ORDER_WEBHOOK_PATH = "/api/webhooks/orders";
/** The invitation request, as the emulator's request log names it. */
export const INVITE_ROUTE = "PUT /repos/{owner}/{repo}/collaborators/{username}";

/** The emulator's users the orders name: buyer-001 … buyer-400 (seedWithBuyers). */
export const BUYERS = 400;
export const buyerLogin = (n: number) => `buyer-${String(n).padStart(3, "0")}`;

export function paidOrderBody(externalId: string, login: string, product = BENCH_PRODUCT) {
  return JSON.stringify({
    type: "order.paid",
    data: {
      externalId,
      product,
      buyer: { githubLogin: login },
      amount: 1900,
      currency: "USD",
    },
  });
}

/** The headers and body of one delivery; a replay sends the same `deliveryId` again. */
export function signedDelivery(body: string, deliveryId = `msg_${randomUUID()}`) {
  return {
    method: "POST" as const,
    headers: {
      "content-type": "application/json",
      ...signStandardWebhook(body, TEST_WEBHOOK_SECRET, { id: deliveryId, at: new Date() }),
    },
    body,
  };
}

export async function postDelivery(baseUrl: string, delivery: ReturnType<typeof signedDelivery>) {
  const response = await fetch(`${baseUrl}${ORDER_WEBHOOK_PATH}`, delivery);
  await response.arrayBuffer();
  return response.status;
}

/** Status of one delivery; 0 when no answer came (refused, reset: the server was down). */
export async function tryDelivery(baseUrl: string, delivery: ReturnType<typeof signedDelivery>) {
  try {
    return await postDelivery(baseUrl, delivery);
  } catch {
    return 0;
  }
}

/**
 * Sends `count` deliveries over `connections` concurrent connections, as a provider flushing
 * a backlog does; `send(i)` posts the i-th and returns its status.
 */
export async function sendConcurrently(
  count: number,
  connections: number,
  send: (i: number) => Promise<number>,
) {
  const statuses: number[] = new Array<number>(count).fill(0);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      statuses[i] = await send(i);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return statuses;
}

export const is2xx = (status: number) => status >= 200 && status < 300;

export function percentile(samples: number[], p: number) {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((sorted.length * p) / 100) - 1)]!;
}

/** "  B1 ingest p99          212 ms   target ≤ 250 ms   ok" */
export function figure(label: string, value: string, target?: string, met?: boolean) {
  const verdict = met === undefined ? "" : met ? "  ok" : "  MISSED";
  console.log(
    `  ${label.padEnd(44)} ${value.padStart(14)}${target ? `   target ${target}` : ""}${verdict}`,
  );
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
