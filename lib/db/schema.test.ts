import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { checkDatabaseHealth } from "./health";
import { migrationsFolder } from "./migrate";
import { entitlements, grants, orders, products, webhookDeliveries } from "./schema";
import { describeEachDatabase } from "@/test/support/database";
import type { Database } from "./types";

/** The PostgreSQL error code behind a failed query (drizzle wraps driver errors). */
async function violation(query: Promise<unknown>): Promise<string | undefined> {
  try {
    await query;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? (error as { code?: string }).code;
  }
  return undefined;
}

async function paidOrderFixture(db: Database, slug: string) {
  const [product] = await db.insert(products).values({ slug, name: "Toolkit" }).returning();
  const [entitlement] = await db
    .insert(entitlements)
    .values({
      productId: product!.id,
      kind: "github_repo",
      owner: "acme",
      repo: "toolkit",
      permission: "pull",
    })
    .returning();
  const [order] = await db
    .insert(orders)
    .values({ productId: product!.id, source: "test", status: "paid", externalId: `ext-${slug}` })
    .returning();
  return { product: product!, entitlement: entitlement!, order: order! };
}

describeEachDatabase("database constraints", (database) => {
  it("rejects a second grant for the same order and entitlement", async () => {
    const db = database.db();
    const { order, entitlement } = await paidOrderFixture(db, "dup-grant");
    const grant = {
      orderId: order.id,
      entitlementId: entitlement.id,
      status: "queued" as const,
      kind: "github_repo" as const,
      owner: "acme",
      repo: "toolkit",
      permission: "pull",
    };
    await db.insert(grants).values(grant);
    expect(await violation(db.insert(grants).values(grant))).toBe("23505");
    const rows = await db
      .select()
      .from(grants)
      .where(sql`${grants.orderId} = ${order.id}`);
    expect(rows).toHaveLength(1);
  });

  it("rejects a second webhook delivery with the same source and id", async () => {
    const db = database.db();
    const delivery = { source: "orders", deliveryId: "msg_dup", type: "order.paid" };
    await db.insert(webhookDeliveries).values(delivery);
    expect(await violation(db.insert(webhookDeliveries).values(delivery))).toBe("23505");
    // The same id from another source is a different delivery.
    await db.insert(webhookDeliveries).values({ ...delivery, source: "github" });
  });

  it("rejects a duplicate product slug and a duplicate external order id per source", async () => {
    const db = database.db();
    const { product } = await paidOrderFixture(db, "dup-slug");
    expect(await violation(db.insert(products).values({ slug: "dup-slug", name: "Again" }))).toBe(
      "23505",
    );
    const again = { productId: product.id, source: "test", externalId: "ext-dup-slug" };
    expect(await violation(db.insert(orders).values(again))).toBe("23505");
    await db.insert(orders).values({ ...again, source: "other" });
  });

  it("rejects unknown status values and dangling references", async () => {
    const db = database.db();
    const { order, entitlement, product } = await paidOrderFixture(db, "checks");
    const base = { orderId: order.id, entitlementId: entitlement.id, kind: "github_repo" as const };
    expect(await violation(db.insert(grants).values({ ...base, status: "done" as never }))).toBe(
      "23514",
    );
    expect(
      await violation(
        db.insert(orders).values({ productId: product.id, source: "t", status: "lost" as never }),
      ),
    ).toBe("23514");
    expect(
      await violation(
        db.insert(grants).values({ ...base, orderId: "no-such-order", status: "queued" }),
      ),
    ).toBe("23503");
    expect(
      await violation(
        db.insert(entitlements).values({ productId: product.id, kind: "github_repo" }),
      ),
    ).toBe("23514");
  });

  it("reports migrations as current, and as pending once one is missing", async () => {
    const handle = database.handle();
    expect(await checkDatabaseHealth(handle)).toEqual({
      ok: true,
      database: database.kind,
      migrations: "current",
    });
    await handle.db
      .transaction(async (tx) => {
        await tx.execute(sql`delete from drizzle.__drizzle_migrations`);
        const health = await checkDatabaseHealth({ ...handle, db: tx });
        expect(health).toMatchObject({
          ok: false,
          pendingMigrations: readMigrationFiles({ migrationsFolder }).length,
        });
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.message.includes("Rollback"))) throw error;
      });
    expect((await checkDatabaseHealth(handle)).ok).toBe(true);
  });
});
