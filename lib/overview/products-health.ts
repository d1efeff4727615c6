import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { products } from "../db/schema";
import type { Database } from "../db/types";
import { checkProductAccess, type AccessChecker } from "../products/check-product-access";
import { entitlementsOf } from "../products/product-lifecycle";

/** "Check access" for every product on sale: can our credentials still give what it sells? */
export async function checkActiveProducts(db: Database, checker: AccessChecker) {
  const onSale = await db
    .select({ id: products.id, name: products.name })
    .from(products)
    .where(and(eq(products.active, true), isNull(products.archivedAt)))
    .orderBy(asc(products.name));
  return Promise.all(
    onSale.map(async (product) => ({
      ...product,
      checks: await checkProductAccess(checker, await entitlementsOf(db, product.id)),
    })),
  );
}
