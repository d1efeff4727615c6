import { webhookRejections } from "../db/schema";
import type { Database } from "../db/types";

export interface WebhookRejection {
  source: string;
  deliveryId: string | null;
  httpStatus: number;
  reason: string;
  detail?: Record<string, unknown>;
}

/** Kept for the merchant to read; never touches webhook_deliveries, so the id stays usable. */
export async function logWebhookRejection(db: Database, rejection: WebhookRejection, now: Date) {
  await db.insert(webhookRejections).values({
    source: rejection.source,
    deliveryId: rejection.deliveryId,
    httpStatus: rejection.httpStatus,
    reason: rejection.reason.slice(0, 1000),
    detail: rejection.detail ?? {},
    receivedAt: now,
  });
}
