import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { orders, products } from "../db/schema";
import type { Database } from "../db/types";
import { entitlementsOf } from "./product-lifecycle";

/** The dashboard's products table: every product with its rows in words' raw form and sales. */
export async function listProductsForDashboard(db: Database, options: { archived: boolean }) {
  const sales = db
    .select({
      productId: orders.productId,
      paid: sql<number>`count(*) filter (where ${orders.status} = 'paid')::int`.as("paid"),
      refunded: sql<number>`count(*) filter (where ${orders.status} = 'refunded')::int`.as(
        "refunded",
      ),
    })
    .from(orders)
    .groupBy(orders.productId)
    .as("sales");
  const rows = await db
    .select({
      id: products.id,
      slug: products.slug,
      name: products.name,
      priceCents: products.priceCents,
      currency: products.currency,
      active: products.active,
      archivedAt: products.archivedAt,
      updatedAt: products.updatedAt,
      paidOrders: sql<number>`coalesce(${sales.paid}, 0)`,
      refundedOrders: sql<number>`coalesce(${sales.refunded}, 0)`,
    })
    .from(products)
    .leftJoin(sales, eq(sales.productId, products.id))
    .where(and(options.archived ? isNotNull(products.archivedAt) : isNull(products.archivedAt)))
    .orderBy(asc(products.name));
  return Promise.all(
    rows.map(async (row) => ({ ...row, entitlements: await entitlementsOf(db, row.id) })),
  );
}

export type DashboardProduct = Awaited<ReturnType<typeof listProductsForDashboard>>[number];

/** One product as the editor loads it. */
export async function getProductForEditor(db: Database, productId: string) {
  const [product] = await db
    .select({
      id: products.id,
      slug: products.slug,
      name: products.name,
      description: products.description,
      priceCents: products.priceCents,
      currency: products.currency,
      paymentLink: products.paymentLink,
      paymentProvider: products.paymentProvider,
      providerProductRef: products.providerProductRef,
      providerAmountCents: products.providerAmountCents,
      revokeOnPartialRefund: products.revokeOnPartialRefund,
      active: products.active,
      archivedAt: products.archivedAt,
    })
    .from(products)
    .where(eq(products.id, productId));
  if (!product) return undefined;
  return { ...product, entitlements: await entitlementsOf(db, productId) };
}

/** Names and ids for the orders filter and "Give access". */
export async function listProductChoices(db: Database) {
  return db
    .select({ id: products.id, name: products.name, active: products.active })
    .from(products)
    .where(isNull(products.archivedAt))
    .orderBy(asc(products.name));
}
