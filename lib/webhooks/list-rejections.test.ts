import { expect, it } from "vitest";
import { describeEachDatabase } from "../../test/support/database";
import { listWebhookRejections } from "./list-rejections";
import { logWebhookRejection } from "./log-rejection";

describeEachDatabase("refused deliveries for the merchant", (database) => {
  it("are listed newest first with the reason, one page at a time, by source", async () => {
    const db = database.db();
    for (const [minute, source] of [
      [1, "orders"],
      [2, "github"],
      [3, "orders"],
    ] as const) {
      await logWebhookRejection(
        db,
        {
          source,
          deliveryId: `msg_${minute}`,
          httpStatus: 400,
          reason: `data.product: no product "p${minute}"`,
        },
        new Date(Date.UTC(2026, 10, 29, 10, minute)),
      );
    }
    const first = await listWebhookRejections(db, { page: 1, pageSize: 2 });
    expect(first.total).toBe(3);
    expect(first.rows.map((r) => r.deliveryId)).toEqual(["msg_3", "msg_2"]);
    expect(first.rows[0]).toMatchObject({
      source: "orders",
      httpStatus: 400,
      reason: 'data.product: no product "p3"',
    });
    const orders = await listWebhookRejections(db, { page: 1, pageSize: 10, source: "orders" });
    expect(orders.rows.map((r) => r.deliveryId)).toEqual(["msg_3", "msg_1"]);
  });
});
