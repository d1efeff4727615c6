import { desc, eq } from "drizzle-orm";
import { webhookDeliveries, webhookRejections } from "../db/schema";
import type { Database } from "../db/types";

export interface SourceActivity {
  lastReceived: { at: Date; type: string } | null;
  lastRefused: { at: Date; httpStatus: number; reason: string } | null;
}

/** The newest applied and the newest refused delivery of one webhook source. */
export async function sourceActivity(db: Database, source: string): Promise<SourceActivity> {
  const [[received], [refused]] = await Promise.all([
    db
      .select({ at: webhookDeliveries.receivedAt, type: webhookDeliveries.type })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.source, source))
      .orderBy(desc(webhookDeliveries.receivedAt))
      .limit(1),
    db
      .select({
        at: webhookRejections.receivedAt,
        httpStatus: webhookRejections.httpStatus,
        reason: webhookRejections.reason,
      })
      .from(webhookRejections)
      .where(eq(webhookRejections.source, source))
      .orderBy(desc(webhookRejections.receivedAt), desc(webhookRejections.id))
      .limit(1),
  ]);
  return { lastReceived: received ?? null, lastRefused: refused ?? null };
}
