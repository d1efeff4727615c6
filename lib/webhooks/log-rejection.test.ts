import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { rowsOf } from "../db/rows";
import { webhookRejections } from "../db/schema";
import { receiveOrderWebhook } from "../orders/receive-order-webhook";
import { describeEachDatabase } from "@/test/support/database";
import { signedOrderRequest, TEST_WEBHOOK_SECRET } from "@/test/support/sign-order-webhook";
import { KEPT_HEADER_CHARS, logWebhookRejection } from "./log-rejection";
import { receiveGithubWebhook } from "./receive-github-webhook";

const NOW = new Date("2026-11-23T10:00:00Z");

function unsignedOrder(id: string) {
  return new Request("http://localhost/api/webhooks/orders", {
    method: "POST",
    headers: {
      "webhook-id": id,
      "webhook-timestamp": String(NOW.getTime() / 1000),
      "webhook-signature": "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    },
    body: JSON.stringify({ type: "order.paid", data: { orderId: "x".repeat(40) } }),
  });
}

function unsignedGithub(id: string) {
  return new Request("http://localhost/api/webhooks/github", {
    method: "POST",
    headers: { "x-github-delivery": id, "x-github-event": "member", "x-hub-signature-256": "x" },
    body: JSON.stringify({ action: "added", padding: "y".repeat(2000) }),
  });
}

describeEachDatabase("the rejection log stays bounded", (database) => {
  beforeEach(async () => {
    await database
      .db()
      .delete(webhookRejections)
      .where(sql`true`);
  });

  it("1,000 unsigned requests with 15 KB delivery ids leave a few short rows with a count", async () => {
    const db = database.db();
    for (let i = 0; i < 500; i += 1) {
      const id = randomBytes(7_500).toString("hex"); // 15 KB, different every time
      const order = await receiveOrderWebhook(db, unsignedOrder(id), {
        secrets: [TEST_WEBHOOK_SECRET],
        now: NOW,
      });
      const github = await receiveGithubWebhook(db, unsignedGithub(id), {
        secret: "github-secret",
        now: NOW,
      });
      expect([order.status, github.status]).toEqual([401, 401]);
    }
    const rows = await db.select().from(webhookRejections);
    expect(rows).toHaveLength(2);
    expect(rows.reduce((sum, row) => sum + row.repeatCount, 0)).toBe(1000);
    for (const row of rows) {
      expect(row.deliveryId!.length).toBeLessThanOrEqual(KEPT_HEADER_CHARS);
      // No unsigned body is kept: anyone can send one.
      expect(row.detail).toEqual({});
    }
    const [size] = rowsOf<{ bytes: number }>(
      await db.execute(
        sql`select coalesce(sum(pg_column_size(r.*)), 0)::int as bytes from webhook_rejections r`,
      ),
    );
    expect(size!.bytes).toBeLessThan(4096);
  });

  it("a signed sender's retries of one rejected delivery are counted on one row with its body", async () => {
    const db = database.db();
    const event = {
      type: "order.paid",
      data: { externalId: "e1", product: "nope", buyer: { githubLogin: "octocat" } },
    };
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const request = signedOrderRequest(event, { at: NOW, id: "msg_retry" });
      const answer = await receiveOrderWebhook(db, request, {
        secrets: [TEST_WEBHOOK_SECRET],
        now: new Date(NOW.getTime() + attempt * 60_000),
      });
      expect(answer.status).toBe(404);
    }
    const other = signedOrderRequest(event, { at: NOW, id: "msg_other" });
    await receiveOrderWebhook(db, other, { secrets: [TEST_WEBHOOK_SECRET], now: NOW });
    const rows = await db.select().from(webhookRejections).orderBy(webhookRejections.id);
    expect(rows.map((row) => [row.deliveryId, row.repeatCount])).toEqual([
      ["msg_retry", 3],
      ["msg_other", 1],
    ]);
    expect(rows[0]!.detail).toEqual({ body: event });
    expect(rows[0]!.lastReceivedAt).toEqual(new Date(NOW.getTime() + 2 * 60_000));
  });

  it("keeps a NUL in a reason readable instead of failing the insert", async () => {
    const db = database.db();
    await logWebhookRejection(
      db,
      {
        source: "orders",
        deliveryId: "msg_nul",
        httpStatus: 404,
        reason: 'data.product: no product "a\0b"',
        signed: true,
        detail: { body: { product: "a\0b" } },
      },
      NOW,
    );
    const [row] = await db.select().from(webhookRejections);
    expect(row!.reason).toBe('data.product: no product "a\ufffdb"');
    expect(row!.detail).toEqual({ body: { product: "a\ufffdb" } });
  });
});
