import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createThrowawayPostgres } from "@/test/support/throwaway-postgres";
import { migratePgliteDatabase, migratePostgresDatabase } from "../db/migrate";
import * as schema from "../db/schema";
import { rowsOf } from "../db/rows";
import type { Database } from "../db/types";
import { createProduct } from "../products/create-product";
import { applyOrderEvent } from "./apply-order-event";

// Every statement of the order's transaction is a round trip the webhook's answer waits for;
// at 16 concurrent deliveries they are what bounds the ingest rate (bench/ B1).
type Opened = { db: Database; statements: string[]; close(): Promise<void> };

async function openCounting(kind: "pglite" | "postgres"): Promise<Opened> {
  const statements: string[] = [];
  const logger = { logQuery: (query: string) => void statements.push(query) };
  if (kind === "pglite") {
    const client = await PGlite.create();
    const db = drizzlePglite(client, { schema, logger }) as unknown as Database;
    await migratePgliteDatabase(db as never);
    return { db, statements, close: () => client.close() };
  }
  const throwaway = await createThrowawayPostgres(process.env.TEST_DATABASE_URL!);
  await migratePostgresDatabase(throwaway.url);
  // Counted by the driver: every query it sends, BEGIN and COMMIT and prepared ones included.
  const client = postgres(throwaway.url, {
    max: 2,
    onnotice: () => {},
    debug: (_connection, query) => void statements.push(query),
  });
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  return {
    db,
    statements,
    close: async () => {
      await client.end({ timeout: 5 });
      await throwaway.drop();
    },
  };
}

const kinds = process.env.TEST_DATABASE_URL
  ? (["pglite", "postgres"] as const)
  : (["pglite"] as const);
const NOW = new Date("2026-11-23T10:00:00Z");

describe.each(kinds)("a paid order's transaction [%s]", (kind) => {
  let opened: Opened;
  beforeAll(async () => {
    opened = await openCounting(kind);
    await createProduct(opened.db, {
      slug: "toolkit",
      name: "Toolkit",
      entitlements: [
        { kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" },
        { kind: "github_team", org: "acme", teamSlug: "users", teamRole: "member" },
      ],
    });
  });
  afterAll(() => opened.close());

  const pay = (n: number, login: string) =>
    applyOrderEvent(opened.db, {
      source: "orders",
      deliveryId: `d-${n}`,
      event: {
        type: "order.paid",
        data: { externalId: `ext-${n}`, product: "toolkit", buyer: { githubLogin: login } },
      },
      now: NOW,
    });

  it("takes a new order for a buyer we know in one statement: delivery, order, grants with their events", async () => {
    await pay(1, "octocat");
    opened.statements.length = 0;
    const result = await pay(2, "OctoCat");
    expect(result.outcome).toBe("applied");
    expect(result.grantIds).toHaveLength(2);
    expect(opened.statements).toHaveLength(1);
  });

  it("records a buyer never seen before in the same statement", async () => {
    opened.statements.length = 0;
    const result = await pay(3, "newcomer");
    expect(result.grantIds).toHaveLength(2);
    expect(opened.statements).toHaveLength(1);
    const grants = await opened.db.query.grants.findMany({
      where: (g, { inArray }) => inArray(g.id, result.grantIds),
    });
    expect(grants.map((g) => [g.status, g.githubLogin])).toEqual([
      ["queued", "newcomer"],
      ["queued", "newcomer"],
    ]);
  });

  it("gives an email-only buyer's grants nothing to send until they have a GitHub account", async () => {
    const result = await applyOrderEvent(opened.db, {
      source: "orders",
      deliveryId: "d-email",
      event: {
        type: "order.paid",
        data: { externalId: "ext-email", product: "toolkit", buyer: { email: "Ada@Example.com" } },
      },
      now: NOW,
    });
    const grants = await opened.db.query.grants.findMany({
      where: (g, { inArray }) => inArray(g.id, result.grantIds),
    });
    expect(grants.map((g) => g.status)).toEqual(["waiting_for_github", "waiting_for_github"]);
    const order = await opened.db.query.orders.findFirst({
      where: (o, { eq }) => eq(o.externalId, "ext-email"),
    });
    expect(order).toMatchObject({ status: "paid", buyerEmail: "Ada@Example.com" });
  });

  it("stores one order when one delivery id arrives twice at once for two different orders", async () => {
    const deliver = (externalId: string) =>
      applyOrderEvent(opened.db, {
        source: "orders",
        deliveryId: "d-reused",
        event: {
          type: "order.paid",
          data: { externalId, product: "toolkit", buyer: { githubLogin: "octocat" } },
        },
        now: NOW,
      });
    const results = await Promise.all([deliver("ext-a"), deliver("ext-b")]);
    expect(results.map((r) => r.outcome).sort()).toEqual(["applied", "duplicate"]);
    const stored = await opened.db.query.orders.findMany({
      where: (o, { inArray }) => inArray(o.externalId, ["ext-a", "ext-b"]),
    });
    expect(stored).toHaveLength(1);
  });

  it.runIf(kind === "postgres")(
    "rolls back a whole new order whose delivery id another transaction takes meanwhile",
    async () => {
      const waiting = opened.db.transaction(async (tx) => {
        await tx.execute(
          sql`insert into webhook_deliveries (source, delivery_id, type) values ('orders', 'd-held', 'order.paid')`,
        );
        const late = applyOrderEvent(opened.db, {
          source: "orders",
          deliveryId: "d-held",
          event: {
            type: "order.paid",
            data: { externalId: "ext-late", product: "toolkit", buyer: { githubLogin: "octocat" } },
          },
          now: NOW,
        });
        // Commit only once the late statement is blocked on the delivery id's unique key.
        await until(async () => {
          const [row] = rowsOf<{ n: number }>(
            await tx.execute(sql`select count(*)::int as n from pg_locks where not granted`),
          );
          return row!.n > 0;
        });
        // Wrapped: returning the promise itself would make the commit wait for it.
        return { late };
      });
      const late = await (await waiting).late;
      expect(late.outcome).toBe("duplicate");
      const stored = await opened.db.query.orders.findMany({
        where: (o, { eq }) => eq(o.externalId, "ext-late"),
      });
      expect(stored).toHaveLength(0);
    },
  );
});

async function until(check: () => Promise<boolean>) {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 5));
}
