import { timingSafeEqual } from "node:crypto";
import { Webhook, WebhookVerificationError } from "standardwebhooks";

export type StandardWebhookCheck = { ok: true; deliveryId: string } | { ok: false; reason: string };

const TOLERANCE_SECONDS = 5 * 60;

/** The timestamp against the caller's clock (the library would read the wall clock itself). */
function checkTimestamp(
  header: string,
  now: Date,
): { ok: true; at: Date } | { ok: false; reason: string } {
  const seconds = Number(header);
  if (!/^\d+$/.test(header) || !Number.isSafeInteger(seconds)) {
    return { ok: false, reason: "webhook-timestamp is not a number" };
  }
  const age = Math.floor(now.getTime() / 1000) - seconds;
  if (age > TOLERANCE_SECONDS)
    return { ok: false, reason: "timestamp too old (more than 5 minutes)" };
  if (-age > TOLERANCE_SECONDS) {
    return { ok: false, reason: "timestamp too new (more than 5 minutes ahead)" };
  }
  return { ok: true, at: new Date(seconds * 1000) };
}

/**
 * How a secret becomes the HMAC key: "standard" base64-decodes what follows `whsec_` (the
 * specification); "raw" uses the whole string's bytes, as Polar did for secrets created before
 * 2026-09-08 (docs: facts on Polar's WEBHOOK_STANDARD_SIGNATURE_CUTOFF).
 */
export type StandardWebhookKeyMode = "standard" | "raw";

const webhookFor = (secret: string, mode: StandardWebhookKeyMode) =>
  mode === "raw" ? new Webhook(secret, { format: "raw" }) : new Webhook(secret);

/** The three headers a Standard Webhooks sender puts on a delivery of `rawBody`. */
export function signStandardWebhook(
  rawBody: string,
  secret: string,
  delivery: { id: string; at: Date },
  keyMode: StandardWebhookKeyMode = "standard",
): Record<"webhook-id" | "webhook-timestamp" | "webhook-signature", string> {
  return {
    "webhook-id": delivery.id,
    "webhook-timestamp": String(Math.floor(delivery.at.getTime() / 1000)),
    "webhook-signature": webhookFor(secret, keyMode).sign(delivery.id, delivery.at, rawBody),
  };
}

const equal = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Verifies a Standard Webhooks delivery on its raw body: the timestamp within 5 minutes either
 * way of `now`, and a v1 signature computed by the reference library, compared in constant
 * time. Any configured secret may match (ORDER_WEBHOOK_SECRET may hold several while one is
 * rotated out), under any of `keyModes` (Polar signs with either, depending on the secret's age).
 */
export function verifyStandardWebhook(
  rawBody: string,
  headers: Headers,
  secrets: readonly string[],
  now: Date,
  options: { keyModes?: readonly StandardWebhookKeyMode[]; secretName?: string } = {},
): StandardWebhookCheck {
  const { keyModes = ["standard"], secretName = "ORDER_WEBHOOK_SECRET" } = options;
  const id = headers.get("webhook-id") ?? "";
  const timestamp = headers.get("webhook-timestamp") ?? "";
  const signatures = headers.get("webhook-signature") ?? "";
  const missing = Object.entries({
    "webhook-id": id,
    "webhook-timestamp": timestamp,
    "webhook-signature": signatures,
  }).find(([, value]) => value === "");
  if (missing) return { ok: false, reason: `missing ${missing[0]} header` };
  const time = checkTimestamp(timestamp, now);
  if (!time.ok) return time;

  const presented = signatures
    .split(" ")
    .map((entry) => entry.split(","))
    .filter(([version]) => version === "v1")
    .map(([, signature]) => signature ?? "");
  for (const secret of secrets) {
    for (const mode of keyModes) {
      let expected: string;
      try {
        expected = webhookFor(secret, mode).sign(id, time.at, rawBody).split(",")[1]!;
      } catch (error) {
        if (error instanceof WebhookVerificationError) continue;
        // Not valid base64: when the raw mode is also allowed, that mode may still match.
        if (keyModes.includes("raw")) continue;
        // Otherwise it is a configuration error, not a bad delivery.
        throw new Error(`${secretName} holds an invalid secret: ${(error as Error).message}`);
      }
      if (presented.some((signature) => equal(signature, expected))) {
        return { ok: true, deliveryId: id };
      }
    }
  }
  return { ok: false, reason: "no signature matched" };
}
