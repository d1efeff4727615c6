import { lt } from "drizzle-orm";
import { webhookDeliveries, webhookRejections } from "../db/schema";
import type { Database } from "../db/types";

/**
 * How long applied delivery ids and refused deliveries are kept. Senders retry for days at most
 * (Standard Webhooks' schedule ~3 days, Stripe 3 days, Svix 5 days; GitHub redelivers by hand
 * within 3 days), so a retry always finds its delivery id; after that the ids only take space.
 */
export const WEBHOOK_RETENTION_DAYS = 30;

/** Deletes delivery ids and rejections older than the retention period; returns the counts. */
export async function pruneWebhookRecords(db: Database, now: Date) {
  const cutoff = new Date(now.getTime() - WEBHOOK_RETENTION_DAYS * 24 * 60 * 60_000);
  const deliveries = await db
    .delete(webhookDeliveries)
    .where(lt(webhookDeliveries.receivedAt, cutoff))
    .returning({ deliveryId: webhookDeliveries.deliveryId });
  const rejections = await db
    .delete(webhookRejections)
    .where(lt(webhookRejections.lastReceivedAt, cutoff))
    .returning({ id: webhookRejections.id });
  return { deliveries: deliveries.length, rejections: rejections.length };
}
