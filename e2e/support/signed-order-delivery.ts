import { Webhook } from "standardwebhooks";
import { E2E_ORDER_WEBHOOK_SECRET } from "../../playwright.config";

/** Options for `request.post` that deliver `body` as a payment provider signs it (Standard Webhooks). */
export function signedOrderDelivery(body: unknown, id: string) {
  const raw = JSON.stringify(body);
  const at = new Date();
  return {
    data: raw,
    headers: {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": new Webhook(E2E_ORDER_WEBHOOK_SECRET).sign(id, at, raw),
    },
  };
}
