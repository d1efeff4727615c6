import { randomUUID } from "node:crypto";
import { signStandardWebhook } from "@/lib/webhooks/standard-webhooks";

export const TEST_WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/** Builds a signed POST the way a Standard Webhooks sender does, at the test's time `at`. */
export function signedOrderRequest(
  body: unknown,
  options: { at: Date; secret?: string; id?: string; url?: string },
): Request {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const id = options.id ?? `msg_${randomUUID()}`;
  const { at } = options;
  return new Request(options.url ?? "http://localhost/api/webhooks/orders", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...signStandardWebhook(raw, options.secret ?? TEST_WEBHOOK_SECRET, { id, at }),
    },
    body: raw,
  });
}
