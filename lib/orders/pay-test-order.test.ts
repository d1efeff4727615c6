import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { grants, orders } from "../db/schema";
import { describeEachDatabase } from "@/test/support/database";
import type { Database } from "../db/types";
import { createProduct } from "../products/create-product";
import { TEST_WEBHOOK_SECRET } from "@/test/support/sign-order-webhook";
import { signedInBuyer } from "@/test/support/buyer-fixtures";
import { payTestOrder } from "./pay-test-order";
import { receiveOrderWebhook } from "./receive-order-webhook";

const now = new Date("2026-11-29T12:00:00Z");
const APP_URL = "http://shop.test";

/** Our own order webhook, reached as the test checkout reaches it: a POST to the real receiver. */
function ownWebhook(db: Database, calls: string[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    calls.push(request.url);
    const answer = await receiveOrderWebhook(db, request, { secrets: [TEST_WEBHOOK_SECRET], now });
    return Response.json(answer.body, { status: answer.status });
  };
}

describeEachDatabase("test checkout payment", (database) => {
  async function pendingOrder(buyerId: string, slug: string) {
    const db = database.db();
    const product = await createProduct(db, {
      slug,
      name: slug,
      entitlements: [{ kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" }],
    });
    const [order] = await db
      .insert(orders)
      .values({ productId: product.id, buyerId, source: "checkout", createdAt: now })
      .returning({ id: orders.id });
    return order!.id;
  }

  it("pays the buyer's order through the signed order webhook, once however often it is clicked", async () => {
    const db = database.db();
    const buyer = await signedInBuyer(db, "logto_tp", { id: 583231, login: "octocat" });
    const orderId = await pendingOrder(buyer.id, "test-pay");
    const calls: string[] = [];
    const input = {
      buyerId: buyer.id,
      orderId,
      appUrl: APP_URL,
      secret: TEST_WEBHOOK_SECRET,
      now,
      fetch: ownWebhook(db, calls),
    };

    expect(await payTestOrder(db, input)).toEqual({ ok: true });
    expect(calls).toEqual([`${APP_URL}/api/webhooks/orders`]);
    const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
    expect(order).toMatchObject({ status: "paid", paidAt: now });
    expect(await db.select().from(grants).where(eq(grants.orderId, orderId))).toMatchObject([
      { status: "queued", githubLogin: "octocat", githubUserId: 583231 },
    ]);

    expect(await payTestOrder(db, input)).toEqual({ ok: true });
    expect(await db.select().from(grants).where(eq(grants.orderId, orderId))).toHaveLength(1);
  });

  it("cannot pay someone else's order, and changes nothing", async () => {
    const db = database.db();
    const owner = await signedInBuyer(db, "logto_owner", { id: 7001, login: "owner" });
    const hubot = await signedInBuyer(db, "logto_hubot_tp", { id: 480938, login: "hubot" });
    const orderId = await pendingOrder(owner.id, "not-yours");
    const calls: string[] = [];

    const outcome = await payTestOrder(db, {
      buyerId: hubot.id,
      orderId,
      appUrl: APP_URL,
      secret: TEST_WEBHOOK_SECRET,
      now,
      fetch: ownWebhook(db, calls),
    });
    expect(outcome).toMatchObject({ ok: false, reason: "not_found" });
    expect(calls).toEqual([]);
    const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
    expect(order!.status).toBe("pending");
  });

  it("reports the webhook's refusal in words when the secret does not match", async () => {
    const db = database.db();
    const buyer = await signedInBuyer(db, "logto_badsecret", { id: 7002, login: "badsecret" });
    const orderId = await pendingOrder(buyer.id, "bad-secret");
    const outcome = await payTestOrder(db, {
      buyerId: buyer.id,
      orderId,
      appUrl: APP_URL,
      secret: "whsec_" + Buffer.from("another secret entirely!").toString("base64"),
      now,
      fetch: ownWebhook(db, []),
    });
    expect(outcome).toEqual({
      ok: false,
      reason: "webhook_refused",
      message:
        "The order webhook refused the test payment (401: signature rejected: no signature matched).",
    });
    const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
    expect(order!.status).toBe("pending");
  });
});
