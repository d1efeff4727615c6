import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";

export const TEST_WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/** Builds a signed POST the way a Standard Webhooks sender does, at the test's time `at`. */
export function signedOrderRequest(
  body: unknown,
  options: { at: Date; secret?: string; id?: string; url?: string },
): Request {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const id = options.id ?? `msg_${randomUUID()}`;
  const { at } = options;
  const signature = new Webhook(options.secret ?? TEST_WEBHOOK_SECRET).sign(id, at, raw);
  return new Request(options.url ?? "http://localhost/api/webhooks/orders", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": signature,
    },
    body: raw,
  });
}
