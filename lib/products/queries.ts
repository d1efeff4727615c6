import { and, asc, eq, inArray } from "drizzle-orm";
import type { AccessRow } from "../grants/describe-access";
import type { Database } from "../db/types";
import { entitlements, products } from "../db/schema";

export interface StorefrontProduct {
  id: string;
  slug: string;
  name: string;
  description: string;
  priceCents: number;
  currency: string;
  /** What a buyer gets, in the product's order. */
  entitlements: AccessRow[];
}

export interface ProductForSale extends StorefrontProduct {
  /** The merchant's payment link; `{orderId}` in it is replaced by our order id. */
  paymentLink: string | null;
}

const storefrontColumns = {
  id: products.id,
  slug: products.slug,
  name: products.name,
  description: products.description,
  priceCents: products.priceCents,
  currency: products.currency,
  paymentLink: products.paymentLink,
};

const accessColumns = {
  productId: entitlements.productId,
  kind: entitlements.kind,
  owner: entitlements.owner,
  repo: entitlements.repo,
  permission: entitlements.permission,
  org: entitlements.org,
  teamSlug: entitlements.teamSlug,
  teamRole: entitlements.teamRole,
};

async function entitlementsOf(db: Database, productIds: string[]) {
  if (productIds.length === 0) return new Map<string, AccessRow[]>();
  const rows = await db
    .select(accessColumns)
    .from(entitlements)
    .where(inArray(entitlements.productId, productIds))
    .orderBy(asc(entitlements.position));
  const byProduct = new Map<string, AccessRow[]>();
  for (const { productId, ...row } of rows) {
    byProduct.set(productId, [...(byProduct.get(productId) ?? []), row]);
  }
  return byProduct;
}

export async function listActiveProducts(db: Database): Promise<StorefrontProduct[]> {
  const rows = await db
    .select(storefrontColumns)
    .from(products)
    .where(eq(products.active, true))
    .orderBy(asc(products.name));
  const items = await entitlementsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map(({ paymentLink: _hidden, ...row }) => ({
    ...row,
    entitlements: items.get(row.id) ?? [],
  }));
}

/** A product a buyer may open and buy; archived products and unknown slugs are undefined. */
export async function getProductForSale(
  db: Database,
  slug: string,
): Promise<ProductForSale | undefined> {
  const [row] = await db
    .select(storefrontColumns)
    .from(products)
    .where(and(eq(products.slug, slug), eq(products.active, true)));
  if (!row) return undefined;
  const items = await entitlementsOf(db, [row.id]);
  return { ...row, entitlements: items.get(row.id) ?? [] };
}
