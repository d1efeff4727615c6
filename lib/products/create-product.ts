import { entitlements, products, type PaymentProvider } from "../db/schema";
import type { Database } from "../db/types";

export type EntitlementInput =
  | { kind: "github_repo"; owner: string; repo: string; permission: string }
  | { kind: "github_team"; org: string; teamSlug: string; teamRole: "member" | "maintainer" };

export interface ProductInput {
  slug: string;
  name: string;
  description?: string;
  priceCents?: number;
  currency?: string;
  paymentLink?: string | null;
  paymentProvider?: PaymentProvider | null;
  providerProductRef?: string | null;
  providerAmountCents?: number | null;
  revokeOnPartialRefund?: boolean;
  active?: boolean;
  entitlements: EntitlementInput[];
}

/** Creates a product and its entitlements together; a duplicate slug fails the whole insert. */
export async function createProduct(db: Database, input: ProductInput) {
  return db.transaction(async (tx) => {
    const { entitlements: items, ...fields } = input;
    const [product] = await tx.insert(products).values(fields).returning();
    if (items.length > 0) {
      await tx
        .insert(entitlements)
        .values(items.map((item, position) => ({ ...item, productId: product!.id, position })));
    }
    return product!;
  });
}
