import { desc, eq, sql } from "drizzle-orm";
import { webhookRejections } from "../db/schema";
import type { Database } from "../db/types";

/** The refused webhook deliveries, newest first, so an integrator can see why theirs fail. */
export async function listWebhookRejections(
  db: Database,
  options: { page: number; pageSize: number; source?: string },
) {
  const where = options.source ? eq(webhookRejections.source, options.source) : undefined;
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: webhookRejections.id,
        source: webhookRejections.source,
        deliveryId: webhookRejections.deliveryId,
        // The latest of identical rejections, counted on one row.
        receivedAt: webhookRejections.lastReceivedAt,
        repeatCount: webhookRejections.repeatCount,
        httpStatus: webhookRejections.httpStatus,
        reason: webhookRejections.reason,
      })
      .from(webhookRejections)
      .where(where)
      .orderBy(desc(webhookRejections.lastReceivedAt), desc(webhookRejections.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(webhookRejections)
      .where(where),
  ]);
  return { rows, total: counted?.total ?? 0 };
}
