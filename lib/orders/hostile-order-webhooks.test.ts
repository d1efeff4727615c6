import { sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { openPglite } from "../db/open";
import { buyers, grants, orders, webhookDeliveries, webhookRejections } from "../db/schema";
import type { Database } from "../db/types";
import { createProduct } from "../products/create-product";
import { describeEachDatabase } from "@/test/support/database";
import { signedOrderRequest, TEST_WEBHOOK_SECRET } from "@/test/support/sign-order-webhook";
import { receiveOrderWebhook } from "./receive-order-webhook";

// Security corpus (issue 17) and the bad-input defects of issue 15: every hostile delivery gets
// its documented status, stores nothing but its rejection, and the receiver keeps serving.

const NOW = new Date("2026-11-23T10:00:00Z");
const OTHER_SECRET = "whsec_" + Buffer.from("another-secret-of-24-bytes!!").toString("base64");
let sequence = 0;

const paid = (data: Record<string, unknown> = {}) => {
  sequence += 1;
  return {
    type: "order.paid",
    data: {
      externalId: `h_${sequence}`,
      product: "hostile",
      buyer: { githubLogin: "octocat" },
      ...data,
    },
  };
};
const sign = (body: unknown, options: { at?: Date; secret?: string; id?: string } = {}) =>
  signedOrderRequest(body, { at: NOW, ...options });

function chunkedRequest(body: string, headers: Record<string, string>) {
  const bytes = new TextEncoder().encode(body);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 64 * 1024)
        controller.enqueue(bytes.slice(at, at + 64 * 1024));
      controller.close();
    },
  });
  return new Request("http://localhost/api/webhooks/orders", {
    method: "POST",
    headers,
    body: stream,
    duplex: "half",
  } as RequestInit);
}

function nested(depth: number) {
  return "[".repeat(depth) + "]".repeat(depth);
}

async function stored(db: Database) {
  const count = async (
    table: typeof orders | typeof grants | typeof buyers | typeof webhookDeliveries,
  ) => (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
  return {
    orders: await count(orders),
    grants: await count(grants),
    buyers: await count(buyers),
    deliveries: await count(webhookDeliveries),
  };
}

interface HostileCase {
  name: string;
  request: () => Request;
  status: number;
  error?: RegExp;
}

const hugeBody = JSON.stringify(paid({ padding: "x".repeat(1024 * 1024) }));
const cases: HostileCase[] = [
  {
    name: "bad JSON",
    request: () => sign('{"type":"order.paid",'),
    status: 400,
    error: /not valid JSON/,
  },
  { name: "a JSON string", request: () => sign('"order.paid"'), status: 400, error: /body/ },
  {
    name: "wrong types",
    request: () => sign(paid({ amount: "12" })),
    status: 400,
    error: /data\.amount/,
  },
  {
    name: "an amount of 2^31",
    request: () => sign(paid({ amount: 2 ** 31 })),
    status: 400,
    error: /data\.amount/,
  },
  {
    name: "an amount of 1e308",
    request: () => sign(paid({ amount: 1e308 })),
    status: 400,
    error: /data\.amount/,
  },
  {
    name: "a GitHub user id beyond 2^53",
    request: () => sign(paid({ buyer: { githubUserId: 2 ** 64 } })),
    status: 400,
    error: /data\.buyer/,
  },
  {
    name: "a NUL in externalId",
    request: () => sign(paid({ externalId: "ord\u0000x" })),
    status: 400,
    error: /data\.externalId: must not contain a NUL/,
  },
  {
    name: "a NUL in product",
    request: () => sign(paid({ product: "hos\u0000tile" })),
    status: 400,
    error: /data\.product/,
  },
  {
    name: "deep nesting inside data",
    request: () => sign(`{"type":"order.paid","data":{"externalId":"d","x":${nested(5000)}}}`),
    status: 400,
    error: /nested deeper/,
  },
  {
    name: "1 MB of nesting",
    request: () => sign(nested(500_000)),
    status: 400,
    error: /nested deeper/,
  },
  {
    name: "a huge externalId",
    request: () => sign(paid({ externalId: "e".repeat(100_000) })),
    status: 400,
    error: /data\.externalId/,
  },
  {
    name: "unicode look-alike and control characters in a login",
    request: () => sign(paid({ buyer: { githubLogin: "оctocat\u202e\u0007" } })),
    status: 400,
    error: /data\.buyer/,
  },
  {
    name: "an SQL-looking product",
    request: () => sign(paid({ product: "x'; drop table orders; --" })),
    status: 404,
    error: /no product/,
  },
  {
    name: "an SQL-looking login",
    request: () => sign(paid({ buyer: { githubLogin: "a' OR '1'='1" } })),
    status: 400,
    error: /data\.buyer/,
  },
  {
    name: "an unknown event type",
    request: () => sign({ ...paid(), type: "order.created" }),
    status: 400,
    error: /type/,
  },
  {
    name: "an unknown product",
    request: () => sign(paid({ product: "nope" })),
    status: 404,
    error: /no product "nope"/,
  },
  {
    name: "an unknown order id",
    request: () => sign({ type: "order.paid", data: { orderId: "nope" } }),
    status: 404,
  },
  {
    name: "a stale timestamp",
    request: () => sign(paid(), { at: new Date(NOW.getTime() - 301_000) }),
    status: 401,
    error: /too old/,
  },
  {
    name: "a future timestamp",
    request: () => sign(paid(), { at: new Date(NOW.getTime() + 301_000) }),
    status: 401,
    error: /too new/,
  },
  { name: "the wrong secret", request: () => sign(paid(), { secret: OTHER_SECRET }), status: 401 },
  {
    name: "a 15 KB signed webhook-id",
    request: () => sign(paid(), { id: "m".repeat(15_000) }),
    status: 400,
    error: /webhook-id/,
  },
  { name: "an oversized body", request: () => sign(hugeBody), status: 413 },
  {
    name: "an oversized chunked body without content-length",
    request: () => {
      const signed = sign(hugeBody);
      const headers = Object.fromEntries(signed.headers);
      delete headers["content-length"];
      return chunkedRequest(hugeBody, headers);
    },
    status: 413,
  },
];

describeEachDatabase("hostile order webhooks", (database) => {
  const receive = (request: Request, now = NOW) =>
    receiveOrderWebhook(database.db(), request, { secrets: [TEST_WEBHOOK_SECRET], now });

  beforeAll(async () => {
    await createProduct(database.db(), {
      slug: "hostile",
      name: "Hostile",
      entitlements: [{ kind: "github_repo", owner: "acme", repo: "hostile", permission: "pull" }],
    });
    await createProduct(database.db(), { slug: "hostile-other", name: "Other", entitlements: [] });
  });
  beforeEach(async () => {
    await database
      .db()
      .delete(webhookRejections)
      .where(sql`true`);
  });

  for (const hostile of cases) {
    it(`${hostile.name}: ${hostile.status}, nothing stored but the rejection, still serving`, async () => {
      const db = database.db();
      const before = await stored(db);
      const answer = await receive(hostile.request());
      expect(answer.status).toBe(hostile.status);
      if (hostile.error) expect(String(answer.body.error)).toMatch(hostile.error);
      expect(await stored(db)).toEqual(before);
      const rejections = await db.select().from(webhookRejections);
      expect(rejections.map((r) => r.httpStatus)).toEqual([hostile.status]);
      // The next honest delivery is applied.
      expect((await receive(sign(paid()))).status).toBe(200);
    });
  }

  it("a replayed id: 200 with the same orderId, nothing stored again", async () => {
    const db = database.db();
    const request = sign(paid(), { id: "msg_replayed" });
    const first = await receive(request.clone());
    expect(first.body).toMatchObject({ ok: true, duplicate: false });
    const before = await stored(db);
    for (let i = 0; i < 3; i += 1) {
      const again = await receive(request.clone());
      expect(again).toMatchObject({
        status: 200,
        body: { ok: true, duplicate: true, orderId: first.body.orderId },
      });
    }
    expect(first.body.orderId).toEqual(expect.any(String));
    expect(await stored(db)).toEqual(before);
  });

  it("an externalId of another product answers 409, as the README documents", async () => {
    const db = database.db();
    const event = paid();
    expect((await receive(sign(event))).status).toBe(200);
    const before = await stored(db);
    const clash = await receive(
      sign({ ...event, data: { ...event.data, product: "hostile-other" } }),
    );
    expect(clash.status).toBe(409);
    expect(String(clash.body.error)).toContain("hostile-other");
    expect(await stored(db)).toEqual(before);
  });

  it("unicode and SQL-looking externalIds that are valid are stored exactly as sent", async () => {
    const externalId = "ord 💸 ' OR 1=1; -- \u202e\u0007";
    const answer = await receive(sign(paid({ externalId })));
    expect(answer.status).toBe(200);
    const [order] = await database
      .db()
      .select({ externalId: orders.externalId })
      .from(orders)
      .where(sql`${orders.id} = ${answer.body.orderId as string}`);
    expect(order!.externalId).toBe(externalId);
  });
});

describe("a database failure while storing an order", () => {
  it("answers 503 and logs no buyer data", async () => {
    const handle = await openPglite();
    await createProduct(handle.db, { slug: "gone", name: "Gone", entitlements: [] });
    await handle.close();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const answer = await receiveOrderWebhook(
        handle.db,
        sign(paid({ product: "gone", buyer: { email: "secret-buyer@example.com" } })),
        { secrets: [TEST_WEBHOOK_SECRET], now: NOW },
      );
      expect(answer.status).toBe(503);
      const lines = logged.mock.calls.flat().map(String).join("\n");
      expect(lines).toContain("[orders] delivery not applied");
      expect(lines).not.toContain("secret-buyer@example.com");
      expect(lines).not.toContain("octocat");
    } finally {
      logged.mockRestore();
    }
  });
});
