import { and, asc, eq, isNull, like } from "drizzle-orm";
import { entitlements, products } from "../db/schema";
import type { Database } from "../db/types";
import {
  blockingProblems,
  checkProductAccess,
  type AccessChecker,
  type EntitlementAccessCheck,
} from "./check-product-access";
import type { EntitlementFormInput } from "./product-input";

export type ActivationResult =
  | { ok: true; active: boolean; checks: EntitlementAccessCheck[] }
  | { ok: false; error: string; checks: EntitlementAccessCheck[] };

export async function entitlementsOf(db: Database, productId: string) {
  const rows = await db
    .select({
      id: entitlements.id,
      kind: entitlements.kind,
      owner: entitlements.owner,
      repo: entitlements.repo,
      permission: entitlements.permission,
      org: entitlements.org,
      teamSlug: entitlements.teamSlug,
      teamRole: entitlements.teamRole,
    })
    .from(entitlements)
    .where(eq(entitlements.productId, productId))
    .orderBy(asc(entitlements.position));
  return rows.map((row): EntitlementFormInput =>
    row.kind === "github_team"
      ? {
          id: row.id,
          kind: "github_team",
          org: row.org!,
          teamSlug: row.teamSlug!,
          teamRole: row.teamRole === "maintainer" ? "maintainer" : "member",
        }
      : {
          id: row.id,
          kind: "github_repo",
          owner: row.owner!,
          repo: row.repo!,
          permission: row.permission!,
        },
  );
}

/**
 * Puts a product on sale or takes it off. Going on sale re-runs "Check access" against GitHub
 * every time: a product whose sale would fail stays off sale, and the merchant sees why.
 */
export async function setProductActive(
  db: Database,
  input: { productId: string; active: boolean },
  checker: AccessChecker,
  now: Date,
): Promise<ActivationResult> {
  const [product] = await db
    .select({ id: products.id, archivedAt: products.archivedAt })
    .from(products)
    .where(eq(products.id, input.productId));
  if (!product) return { ok: false, error: "This product no longer exists.", checks: [] };
  let checks: EntitlementAccessCheck[] = [];
  if (input.active) {
    if (product.archivedAt) {
      return { ok: false, error: "Restore the product from the archive first.", checks };
    }
    const items = await entitlementsOf(db, input.productId);
    if (items.length === 0) {
      return { ok: false, error: "Add a repository or team before selling it.", checks };
    }
    checks = await checkProductAccess(checker, items);
    const problems = blockingProblems(checks);
    if (problems.length > 0) {
      return {
        ok: false,
        error: `Not put on sale: a sale would fail. ${problems.join(" ")}`,
        checks,
      };
    }
  }
  await db
    .update(products)
    .set({ active: input.active, updatedAt: now })
    .where(eq(products.id, input.productId));
  return { ok: true, active: input.active, checks };
}

/** A copy to start from: same rows, off sale, with the first free "-copy" slug. */
export async function duplicateProduct(db: Database, productId: string, now: Date) {
  const [source] = await db.select().from(products).where(eq(products.id, productId));
  if (!source) return undefined;
  const base = `${source.slug.slice(0, 56)}-copy`;
  const taken = new Set(
    (
      await db
        .select({ slug: products.slug })
        .from(products)
        .where(like(products.slug, `${base}%`))
    ).map((row) => row.slug),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
  return db.transaction(async (tx) => {
    const [copy] = await tx
      .insert(products)
      .values({
        slug,
        name: `${source.name} (copy)`,
        description: source.description,
        priceCents: source.priceCents,
        currency: source.currency,
        paymentLink: source.paymentLink,
        paymentProvider: source.paymentProvider,
        providerProductRef: source.providerProductRef,
        providerAmountCents: source.providerAmountCents,
        revokeOnPartialRefund: source.revokeOnPartialRefund,
        active: false,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: products.id, slug: products.slug });
    const items = await entitlementsOf(tx, productId);
    if (items.length > 0) {
      await tx.insert(entitlements).values(
        items.map(({ id: _id, ...item }, position) => ({
          ...item,
          productId: copy!.id,
          position,
        })),
      );
    }
    return copy!;
  });
}

/** Archiving takes a product off sale and out of the list; its orders and grants stay. */
export async function setProductArchived(
  db: Database,
  input: { productId: string; archived: boolean },
  now: Date,
): Promise<boolean> {
  const changed = await db
    .update(products)
    .set(
      input.archived
        ? { archivedAt: now, active: false, updatedAt: now }
        : { archivedAt: null, updatedAt: now },
    )
    .where(
      and(
        eq(products.id, input.productId),
        input.archived ? isNull(products.archivedAt) : undefined,
      ),
    )
    .returning({ id: products.id });
  return changed.length > 0;
}
