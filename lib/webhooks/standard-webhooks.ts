import { Webhook, WebhookVerificationError } from "standardwebhooks";

export type StandardWebhookCheck = { ok: true; deliveryId: string } | { ok: false; reason: string };

/** ORDER_WEBHOOK_SECRET may hold several secrets, space-separated, while one is rotated out. */
export function parseWebhookSecrets(value: string | undefined): string[] {
  return (value ?? "").split(/\s+/).filter(Boolean);
}

/** The three headers a Standard Webhooks sender puts on a delivery of `rawBody`. */
export function signStandardWebhook(
  rawBody: string,
  secret: string,
  delivery: { id: string; at: Date },
): Record<"webhook-id" | "webhook-timestamp" | "webhook-signature", string> {
  return {
    "webhook-id": delivery.id,
    "webhook-timestamp": String(Math.floor(delivery.at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(delivery.id, delivery.at, rawBody),
  };
}

/**
 * Verifies a Standard Webhooks delivery on its raw body with the reference library (constant-time
 * comparison, 5-minute tolerance either way); any configured secret may match.
 */
export function verifyStandardWebhook(
  rawBody: string,
  headers: Headers,
  secrets: readonly string[],
): StandardWebhookCheck {
  const signed = {
    "webhook-id": headers.get("webhook-id") ?? "",
    "webhook-timestamp": headers.get("webhook-timestamp") ?? "",
    "webhook-signature": headers.get("webhook-signature") ?? "",
  };
  const missing = Object.entries(signed).find(([, value]) => value === "");
  if (missing) return { ok: false, reason: `missing ${missing[0]} header` };

  let lastReason = "no signature matched";
  for (const secret of secrets) {
    try {
      new Webhook(secret).verify(rawBody, signed, { jsonParse: false });
      return { ok: true, deliveryId: signed["webhook-id"] };
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) {
        // A secret that is not valid base64 is a configuration error, not a bad delivery.
        throw new Error(
          `ORDER_WEBHOOK_SECRET holds an invalid secret: ${(error as Error).message}`,
        );
      }
      lastReason = describeFailure(error.message);
      if (lastReason.startsWith("timestamp")) break;
    }
  }
  return { ok: false, reason: lastReason };
}

function describeFailure(message: string): string {
  if (message === "Message timestamp too old") return "timestamp too old (more than 5 minutes)";
  if (message === "Message timestamp too new")
    return "timestamp too new (more than 5 minutes ahead)";
  if (message === "Invalid Signature Headers") return "webhook-timestamp is not a number";
  return "no signature matched";
}
