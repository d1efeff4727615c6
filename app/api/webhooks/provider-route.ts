import { after, NextResponse } from "next/server";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { wakeFulfillment } from "@/lib/fulfillment/worker";
import type { PaymentProvider } from "@/lib/payments/payment-event";
import { receivePaymentWebhook } from "@/lib/orders/receive-payment-webhook";

/** The body of /api/webhooks/{stripe,lemonsqueezy,polar}: one handler, chosen by the route. */
export async function receiveProviderDelivery(provider: PaymentProvider, request: Request) {
  const answer = await receivePaymentWebhook(await getDb(), request, {
    provider,
    secrets: getConfig().paymentWebhookSecrets[provider],
    now: new Date(),
  });
  if (answer.applied?.grantIds.length) after(() => wakeFulfillment());
  return NextResponse.json(answer.body, { status: answer.status });
}
