import { after } from "next/server";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { wakeFulfillment } from "@/lib/fulfillment/worker";
import { receiveOrderWebhook } from "@/lib/orders/receive-order-webhook";
import { webhookResponse } from "@/lib/webhooks/webhook-answer";

export const dynamic = "force-dynamic";

// Authenticated by the Standard Webhooks signature; GitHub is never called inside the request.
export async function POST(request: Request) {
  const answer = await receiveOrderWebhook(await getDb(), request, {
    secrets: getConfig().orderWebhookSecrets,
    now: new Date(),
  });
  if (answer.applied?.grantIds.length) after(() => wakeFulfillment());
  return webhookResponse(answer);
}
