import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createThrowawayPostgres } from "@/test/support/throwaway-postgres";
import { migratePgliteDatabase, migratePostgresDatabase } from "../db/migrate";
import * as schema from "../db/schema";
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
  const client = postgres(throwaway.url, { max: 2, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema, logger }) as unknown as Database;
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

  it("takes a new order for a buyer we know in three statements: delivery, order, grants with their events", async () => {
    await pay(1, "octocat");
    opened.statements.length = 0;
    const result = await pay(2, "OctoCat");
    expect(result.outcome).toBe("applied");
    expect(result.grantIds).toHaveLength(2);
    expect(opened.statements).toHaveLength(3);
  });

  it("adds three for a buyer never seen before: the general lookup, their placeholder, naming them on the order", async () => {
    opened.statements.length = 0;
    const result = await pay(3, "newcomer");
    expect(result.grantIds).toHaveLength(2);
    expect(opened.statements).toHaveLength(6);
  });
});
