import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { grants, orders, webhookDeliveries, webhookRejections } from "../db/schema";
import { describeEachDatabase } from "@/test/support/database";
import type { Database } from "../db/types";
import { createProduct } from "../products/create-product";
import { signedOrderRequest, TEST_WEBHOOK_SECRET } from "@/test/support/sign-order-webhook";
import { receiveOrderWebhook } from "./receive-order-webhook";

const OTHER_SECRET = "whsec_" + Buffer.from("another-secret-of-24-bytes!!").toString("base64");
let sequence = 0;

function paidEvent(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    type: "order.paid",
    timestamp: "2026-11-22T10:00:00Z",
    data: {
      externalId: `ord_${sequence}`,
      product: "toolkit",
      buyer: { githubLogin: "octocat" },
      ...overrides,
    },
  };
}

async function counts(db: Database) {
  return {
    deliveries: (await db.select().from(webhookDeliveries)).length,
    orders: (await db.select().from(orders)).length,
    grants: (await db.select().from(grants)).length,
  };
}

// The test's clock: deliveries are signed and received at this time unless a test says otherwise.
const NOW = new Date("2026-11-23T10:00:00Z");
const sign = (body: unknown, options: Partial<Parameters<typeof signedOrderRequest>[1]> = {}) =>
  signedOrderRequest(body, { at: NOW, ...options });

describeEachDatabase("order webhook", (database) => {
  const receive = (request: Request, secrets: string[] = [TEST_WEBHOOK_SECRET], now = NOW) =>
    receiveOrderWebhook(database.db(), request, { secrets, now });

  beforeEach(async () => {
    const db = database.db();
    await db.delete(grants).where(eq(grants.kind, "github_repo"));
    await db.delete(orders).where(eq(orders.source, "orders"));
    await db.delete(webhookDeliveries).where(eq(webhookDeliveries.source, "orders"));
    await db.delete(webhookRejections).where(eq(webhookRejections.source, "orders"));
    if (
      (await db.query.products.findFirst({ where: (p, { eq }) => eq(p.slug, "toolkit") })) ===
      undefined
    ) {
      await createProduct(db, {
        slug: "toolkit",
        name: "Toolkit",
        entitlements: [
          { kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" },
          { kind: "github_repo", owner: "acme", repo: "docs", permission: "triage" },
        ],
      });
    }
  });

  it("applies a paid order once: one order, one queued grant per entitlement", async () => {
    const request = sign(paidEvent(), { id: "msg_once" });
    const first = await receive(request.clone());
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ ok: true, duplicate: false });
    const again = await receive(request);
    expect(again).toMatchObject({ status: 200, body: { ok: true, duplicate: true } });

    const db = database.db();
    const rows = await db.select().from(grants);
    expect(rows.map((g) => [g.repo, g.permission, g.status, g.githubLogin]).sort()).toEqual([
      ["docs", "triage", "queued", "octocat"],
      ["toolkit", "pull", "queued", "octocat"],
    ]);
    const [order] = await db.select().from(orders);
    expect(order).toMatchObject({
      status: "paid",
      externalId: `ord_${sequence}`,
      source: "orders",
    });
  });

  it("turns 50 concurrent deliveries of one event into one order and one grant per entitlement", async () => {
    const request = sign(paidEvent(), { id: "msg_storm" });
    const answers = await Promise.all(Array.from({ length: 50 }, () => receive(request.clone())));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(answers.filter((answer) => answer.body.duplicate === false)).toHaveLength(1);
    expect(await counts(database.db())).toEqual({ deliveries: 1, orders: 1, grants: 2 });
  });

  for (const header of ["webhook-id", "webhook-timestamp", "webhook-signature"]) {
    it(`refuses a delivery without ${header} with 401 and stores nothing`, async () => {
      const request = sign(paidEvent());
      request.headers.delete(header);
      const answer = await receive(request);
      expect(answer.status).toBe(401);
      expect(answer.body.error).toContain(header);
      expect(await counts(database.db())).toEqual({ deliveries: 0, orders: 0, grants: 0 });
    });
  }

  it("refuses a bad, a truncated and a foreign-secret signature with 401", async () => {
    for (const signature of ["v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "v1,", "v2,abc"]) {
      const request = sign(paidEvent());
      request.headers.set("webhook-signature", signature);
      expect((await receive(request)).status).toBe(401);
    }
    expect((await receive(sign(paidEvent(), { secret: OTHER_SECRET }))).status).toBe(401);
    expect(await counts(database.db())).toEqual({ deliveries: 0, orders: 0, grants: 0 });
  });

  it("refuses timestamps 301 seconds in the past and in the future", async () => {
    const now = NOW.getTime();
    for (const offset of [-301_000, 301_000]) {
      const answer = await receive(sign(paidEvent(), { at: new Date(now + offset) }));
      expect(answer.status).toBe(401);
      expect(answer.body.error).toMatch(/timestamp too (old|new)/);
    }
    expect(await counts(database.db())).toEqual({ deliveries: 0, orders: 0, grants: 0 });
  });

  it("accepts a header with two signatures of which one is valid, and either of two secrets", async () => {
    const request = sign(paidEvent());
    const valid = request.headers.get("webhook-signature")!;
    request.headers.set("webhook-signature", `v1,Zm9yZ2VkIHNpZ25hdHVyZQ== ${valid}`);
    expect((await receive(request)).status).toBe(200);

    const rotated = sign(paidEvent(), { secret: OTHER_SECRET });
    expect((await receive(rotated, [TEST_WEBHOOK_SECRET, OTHER_SECRET])).status).toBe(200);
    expect((await counts(database.db())).orders).toBe(2);
  });

  it("answers 503 without a configured secret and accepts nothing", async () => {
    const answer = await receive(sign(paidEvent()), []);
    expect(answer.status).toBe(503);
    expect(answer.body.error).toContain("ORDER_WEBHOOK_SECRET");
    expect((await counts(database.db())).orders).toBe(0);
  });

  it("answers 413 above 1 MB", async () => {
    const answer = await receive(sign(paidEvent({ padding: "x".repeat(1024 * 1024) })));
    expect(answer.status).toBe(413);
  });

  it("answers 400 naming the field for a malformed body, and the sender can retry the id", async () => {
    const bad = await receive(
      sign(paidEvent({ buyer: { githubLogin: "-not a login-" } }), { id: "msg_fix" }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain("data.buyer");
    const notJson = await receive(sign("{not json", { id: "msg_fix" }));
    expect(notJson).toMatchObject({ status: 400, body: { error: "body is not valid JSON" } });
    expect((await receive(sign(paidEvent(), { id: "msg_fix" }))).status).toBe(200);
  });

  it("answers 404 for an unknown product and accepts the same delivery once it exists", async () => {
    const request = sign(paidEvent({ product: "later" }), { id: "msg_later" });
    const missing = await receive(request.clone());
    expect(missing).toMatchObject({
      status: 404,
      body: { error: 'data.product: no product "later"' },
    });
    const db = database.db();
    const [logged] = await db.select().from(webhookRejections);
    expect(logged).toMatchObject({ deliveryId: "msg_later", httpStatus: 404 });

    await createProduct(db, {
      slug: "later",
      name: "Later",
      entitlements: [{ kind: "github_repo", owner: "acme", repo: "later", permission: "push" }],
    });
    const applied = await receive(request);
    expect(applied).toMatchObject({ status: 200, body: { duplicate: false } });
    expect((await counts(db)).grants).toBe(1);
  });

  it("keeps an email-only buyer's grants waiting for a GitHub account", async () => {
    const answer = await receive(sign(paidEvent({ buyer: { email: "Buyer@Example.com" } })));
    expect(answer.status).toBe(200);
    const rows = await database.db().select().from(grants);
    expect(rows.map((g) => g.status)).toEqual(["waiting_for_github", "waiting_for_github"]);
    expect(rows.every((g) => g.nextAttemptAt === null)).toBe(true);
  });

  it("pays a checkout order by id, and refuses a product that is not the order's", async () => {
    const db = database.db();
    const product = await db.query.products.findFirst({
      where: (p, { eq }) => eq(p.slug, "toolkit"),
    });
    const [order] = await db
      .insert(orders)
      .values({ productId: product!.id, source: "checkout", status: "pending" })
      .returning();
    await createProduct(db, {
      slug: `other-${database.kind}-${sequence}`,
      name: "Other",
      entitlements: [],
    });
    const mismatch = await receive(
      sign({
        type: "order.paid",
        data: { orderId: order!.id, product: `other-${database.kind}-${sequence}` },
      }),
    );
    expect(mismatch.status).toBe(409);
    expect(mismatch.body.error).toContain("data.product");
    const paid = await receive(sign({ type: "order.paid", data: { orderId: order!.id } }));
    expect(paid).toMatchObject({ status: 200, body: { orderId: order!.id } });
    const [after] = await db.select().from(orders).where(eq(orders.id, order!.id));
    expect(after!.status).toBe("paid");
    // No buyer on the order: nothing can be invited until one is attached.
    const rows = await db.select().from(grants).where(eq(grants.orderId, order!.id));
    expect(rows.map((g) => g.status)).toEqual(["waiting_for_github", "waiting_for_github"]);
    await db.delete(grants).where(eq(grants.orderId, order!.id));
    await db.delete(orders).where(eq(orders.id, order!.id));
  });

  it("records order.refunded for a known order and answers 404 for an unknown one", async () => {
    const event = paidEvent();
    expect((await receive(sign(event))).status).toBe(200);
    const refund = await receive(sign({ ...event, type: "order.refunded" }));
    expect(refund.status).toBe(200);
    const [order] = await database.db().select().from(orders);
    expect(order).toMatchObject({ status: "refunded" });
    expect(order!.refundedAt).toBeInstanceOf(Date);
    const unknown = await receive(
      sign({
        ...event,
        type: "order.refunded",
        data: { ...event.data, externalId: "nope" },
      }),
    );
    expect(unknown.status).toBe(404);
  });
});
