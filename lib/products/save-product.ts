import { and, eq, inArray, notInArray, sql, TransactionRollbackError } from "drizzle-orm";
import { entitlements, grants, products } from "../db/schema";
import type { Database } from "../db/types";
import type { FieldErrors, ProductForm } from "./product-input";

export type SaveProductResult =
  { ok: true; productId: string } | { ok: false; error: string; fieldErrors?: FieldErrors };

const isUniqueViolation = (error: unknown) =>
  (error as { cause?: { code?: string } }).cause?.code === "23505" ||
  (error as { code?: string }).code === "23505";

async function slugTaken(db: Database, slug: string, exceptId?: string) {
  const [row] = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.slug, slug), exceptId ? sql`${products.id} <> ${exceptId}` : undefined));
  return Boolean(row);
}

const slugConflict = (slug: string): SaveProductResult => ({
  ok: false,
  error: "Another product already uses this slug.",
  fieldErrors: { slug: [`“${slug}” is taken by another product; choose another`] },
});

const entitlementValues = (form: ProductForm, productId: string) =>
  form.entitlements.map(({ id, ...entitlement }, position) => ({
    id,
    values: {
      productId,
      position,
      kind: entitlement.kind,
      owner: entitlement.kind === "github_repo" ? entitlement.owner : null,
      repo: entitlement.kind === "github_repo" ? entitlement.repo : null,
      permission: entitlement.kind === "github_repo" ? entitlement.permission : null,
      org: entitlement.kind === "github_team" ? entitlement.org : null,
      teamSlug: entitlement.kind === "github_team" ? entitlement.teamSlug : null,
      teamRole: entitlement.kind === "github_team" ? entitlement.teamRole : null,
    },
  }));

/**
 * Creates (no id) or updates a product and its entitlement rows. A new product starts off sale:
 * it goes on sale through setProductActive, which checks GitHub first. Grants keep a snapshot
 * of what was sold, so editing a row never changes what earlier buyers have or lose on refund;
 * a row that was sold cannot be deleted (its grants point at it).
 */
export async function saveProduct(
  db: Database,
  input: { id?: string; form: ProductForm },
  now: Date,
): Promise<SaveProductResult> {
  const { form, id } = input;
  if (await slugTaken(db, form.slug, id)) return slugConflict(form.slug);
  const fields = {
    name: form.name,
    slug: form.slug,
    description: form.description,
    priceCents: form.price,
    currency: form.currency,
    paymentLink: form.paymentLink,
    paymentProvider: form.paymentProvider,
    providerProductRef: form.providerProductRef,
    providerAmountCents: form.providerAmount,
    revokeOnPartialRefund: form.revokeOnPartialRefund,
    updatedAt: now,
  };
  try {
    return await db.transaction(async (tx) => {
      const productId = id
        ? (
            await tx
              .update(products)
              .set(fields)
              .where(eq(products.id, id))
              .returning({ id: products.id })
          )[0]?.id
        : (
            await tx
              .insert(products)
              .values({ ...fields, active: false, createdAt: now })
              .returning({ id: products.id })
          )[0]!.id;
      if (!productId) return { ok: false, error: "This product no longer exists." };

      const rows = entitlementValues(form, productId);
      const kept = rows.flatMap((row) => (row.id ? [row.id] : []));
      const removed = await tx
        .select({ id: entitlements.id })
        .from(entitlements)
        .where(
          and(
            eq(entitlements.productId, productId),
            kept.length ? notInArray(entitlements.id, kept) : undefined,
          ),
        );
      if (removed.length > 0) {
        const sold = await tx
          .select({ id: grants.entitlementId })
          .from(grants)
          .where(
            inArray(
              grants.entitlementId,
              removed.map((row) => row.id),
            ),
          )
          .limit(1);
        if (sold.length > 0) {
          tx.rollback();
        }
        await tx.delete(entitlements).where(
          inArray(
            entitlements.id,
            removed.map((row) => row.id),
          ),
        );
      }
      for (const row of rows) {
        if (row.id) {
          await tx
            .update(entitlements)
            .set(row.values)
            .where(and(eq(entitlements.id, row.id), eq(entitlements.productId, productId)));
        } else {
          await tx.insert(entitlements).values(row.values);
        }
      }
      return { ok: true, productId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return slugConflict(form.slug);
    if (error instanceof TransactionRollbackError) {
      return {
        ok: false,
        error: "A removed row was already sold.",
        fieldErrors: {
          entitlements: [
            "A repository or team that was sold cannot be removed: its buyers' grants point at it. Archive this product and duplicate it instead.",
          ],
        },
      };
    }
    throw error;
  }
}
