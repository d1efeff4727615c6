import { asc, eq } from "drizzle-orm";
import type { Database } from "../db/types";
import { products } from "../db/schema";

export interface StorefrontProduct {
  id: string;
  slug: string;
  name: string;
  description: string;
  priceCents: number;
  currency: string;
}

export async function listActiveProducts(db: Database): Promise<StorefrontProduct[]> {
  return db
    .select({
      id: products.id,
      slug: products.slug,
      name: products.name,
      description: products.description,
      priceCents: products.priceCents,
      currency: products.currency,
    })
    .from(products)
    .where(eq(products.active, true))
    .orderBy(asc(products.name));
}
