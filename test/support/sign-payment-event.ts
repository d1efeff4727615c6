import { createHmac, randomUUID } from "node:crypto";
import Stripe from "stripe";
import { Webhook } from "standardwebhooks";
import type { PaymentProvider } from "@/lib/payments/payment-event";

/** One secret per provider, in the form each provider issues. */
export const PROVIDER_SECRETS: Record<PaymentProvider, string> = {
  stripe: "whsec_test_1f2e3d4c5b6a79880123456789abcdef",
  lemonsqueezy: "ls-signing-secret-2026",
  polar: "whsec_" + Buffer.from("polar-webhook-secret-32-bytes!!!").toString("base64"),
};

/**
 * A delivery of `rawBody` signed the way the provider signs it, with the official generator
 * where one exists: Stripe's generateTestHeaderString, the Standard Webhooks library for Polar
 * (`keyMode: "raw"` for a pre-2026-09-08 Polar secret), and the documented hex HMAC for Lemon
 * Squeezy, which publishes no generator.
 */
export function signProviderDelivery(
  provider: PaymentProvider,
  rawBody: string,
  options: SignOptions,
): Record<string, string> {
  const secret = options.secret ?? PROVIDER_SECRETS[provider];
  const seconds = Math.floor(options.at.getTime() / 1000);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (provider === "stripe") {
    headers["stripe-signature"] = Stripe.webhooks.generateTestHeaderString({
      payload: rawBody,
      secret,
      timestamp: seconds,
    });
  } else if (provider === "lemonsqueezy") {
    headers["x-signature"] = createHmac("sha256", secret).update(rawBody).digest("hex");
  } else {
    const id = options.deliveryId ?? `msg_${randomUUID()}`;
    const key =
      options.keyMode === "raw" ? new Webhook(secret, { format: "raw" }) : new Webhook(secret);
    headers["webhook-id"] = id;
    headers["webhook-timestamp"] = String(seconds);
    headers["webhook-signature"] = key.sign(id, options.at, rawBody);
  }
  return headers;
}

type SignOptions = { at: Date; secret?: string; deliveryId?: string; keyMode?: "standard" | "raw" };

/** The same, as a Request to our route (for the receive… functions in unit tests). */
export function signedProviderRequest(
  provider: PaymentProvider,
  rawBody: string,
  options: SignOptions,
): Request {
  return new Request(`http://localhost/api/webhooks/${provider}`, {
    method: "POST",
    headers: signProviderDelivery(provider, rawBody, options),
    body: rawBody,
  });
}
