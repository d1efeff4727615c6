import { eq } from "drizzle-orm";
import { products } from "../db/schema";
import type { Database } from "../db/types";
import { createProduct } from "./create-product";

export const DEMO_PRODUCT_SLUG = "demo";

/**
 * Sandbox mode's ready-made product, matching the GitHub emulator's default seed (private repo
 * acme/toolkit). Created once; a merchant's later edits to it are kept.
 */
export async function seedDemoProduct(db: Database): Promise<boolean> {
  const [existing] = await db
    .select({ id: products.id })
    .from(products)
    .where(eq(products.slug, DEMO_PRODUCT_SLUG));
  if (existing) return false;
  try {
    await createProduct(db, {
      slug: DEMO_PRODUCT_SLUG,
      name: "Acme Toolkit (demo)",
      description: "pull (read) access to acme/toolkit, the sandbox's private repository.",
      priceCents: 4900,
      currency: "USD",
      entitlements: [{ kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" }],
    });
    return true;
  } catch (error) {
    // Two instances seeding at once: the unique slug lets exactly one win.
    if ((error as { cause?: { code?: string } }).cause?.code === "23505") return false;
    throw error;
  }
}
