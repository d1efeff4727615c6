import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { webhookDeliveries, webhookRejections } from "../db/schema";
import { describeEachDatabase } from "@/test/support/database";
import { logWebhookRejection } from "./log-rejection";
import { pruneWebhookRecords, WEBHOOK_RETENTION_DAYS } from "./prune-webhook-records";
import { recordDelivery } from "./record-delivery";

const DAY = 24 * 60 * 60_000;
const NOW = new Date("2026-11-23T10:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

describeEachDatabase("webhook records past their retention period", (database) => {
  it("are deleted; those a sender may still retry are kept", async () => {
    const db = database.db();
    await db.delete(webhookDeliveries).where(sql`true`);
    await db.delete(webhookRejections).where(sql`true`);
    expect(WEBHOOK_RETENTION_DAYS).toBeGreaterThan(5); // Svix, the longest retry schedule
    for (const [id, age] of [
      ["old", WEBHOOK_RETENTION_DAYS + 1],
      ["recent", 5],
    ] as const) {
      await recordDelivery(db, {
        source: "orders",
        deliveryId: id,
        type: "order.paid",
        receivedAt: daysAgo(age),
      });
      await logWebhookRejection(
        db,
        { source: "orders", deliveryId: id, httpStatus: 404, reason: `r-${id}`, signed: true },
        daysAgo(age),
      );
    }
    // A rejection first seen long ago but repeated recently is still current.
    await logWebhookRejection(
      db,
      { source: "github", deliveryId: "a", httpStatus: 401, reason: "repeated" },
      daysAgo(60),
    );
    await logWebhookRejection(
      db,
      { source: "github", deliveryId: "b", httpStatus: 401, reason: "repeated" },
      daysAgo(1),
    );

    expect(await pruneWebhookRecords(db, NOW)).toEqual({ deliveries: 1, rejections: 1 });
    const deliveries = await db.select().from(webhookDeliveries);
    expect(deliveries.map((d) => d.deliveryId)).toEqual(["recent"]);
    const rejections = await db.select().from(webhookRejections).orderBy(webhookRejections.id);
    expect(rejections.map((r) => [r.deliveryId, r.repeatCount])).toEqual([
      ["recent", 1],
      ["b", 2],
    ]);
  });
});
