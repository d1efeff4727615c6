"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { merchantAction } from "@/lib/auth/actions";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { configuredGithubProvider } from "@/lib/fulfillment/github-adapter";
import { checkProductAccess } from "@/lib/products/check-product-access";
import {
  entitlementInputSchema,
  fieldErrorsOf,
  productFormSchema,
} from "@/lib/products/product-input";
import {
  duplicateProduct,
  setProductActive,
  setProductArchived,
} from "@/lib/products/product-lifecycle";
import { saveProduct } from "@/lib/products/save-product";

const checker = () => configuredGithubProvider(getConfig());

// The editor posts its rows as one JSON field; the rows are then checked row by row, so each
// message lands next to its own field ("entitlements.1.repo").
const jsonField = z
  .string()
  .max(20_000)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "could not be read; reload the page" });
      return z.NEVER;
    }
  });

const productFields = z.object({
  id: z.uuid().optional(),
  name: z.string(),
  slug: z.string(),
  description: z.string().default(""),
  price: z.string(),
  currency: z.string(),
  paymentLink: z.string().default(""),
  paymentProvider: z.string().default(""),
  providerProductRef: z.string().default(""),
  providerAmount: z.string().default(""),
  revokeOnPartialRefund: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
  entitlements: jsonField,
});

function refreshProducts(productId?: string) {
  revalidatePath("/dashboard/products");
  if (productId) revalidatePath(`/dashboard/products/${productId}`);
  revalidatePath("/");
}

export const saveProductAction = merchantAction(
  productFields,
  async ({ id, ...fields }, { now }) => {
    const form = productFormSchema.safeParse(fields);
    if (!form.success) {
      return {
        ok: false,
        error: "Some fields need attention: see the messages beside them.",
        fieldErrors: fieldErrorsOf(form.error),
      };
    }
    const saved = await saveProduct(await getDb(), { id, form: form.data }, now);
    if (!saved.ok) return saved;
    refreshProducts(saved.productId);
    return { ok: true, data: { productId: saved.productId, message: "Saved." } };
  },
);

export const checkAccessAction = merchantAction(
  z.object({ entitlements: jsonField }),
  async ({ entitlements }) => {
    const rows = z.array(entitlementInputSchema).min(1).safeParse(entitlements);
    if (!rows.success) {
      return {
        ok: false,
        error: "Fill in every row before checking: see the messages beside them.",
        fieldErrors: fieldErrorsOf(rows.error),
      };
    }
    const checks = await checkProductAccess(checker, rows.data);
    return { ok: true, data: { checks } };
  },
);

const productIdInput = z.object({ productId: z.uuid() });
const booleanField = z.enum(["true", "false"]).transform((value) => value === "true");

export const setActiveAction = merchantAction(
  productIdInput.extend({ active: booleanField }),
  async ({ productId, active }, { now }) => {
    const result = await setProductActive(await getDb(), { productId, active }, checker, now);
    if (!result.ok) return { ok: false, error: result.error };
    refreshProducts(productId);
    return {
      ok: true,
      data: {
        checks: result.checks,
        message: active ? "On sale: GitHub confirmed every row." : "Taken off sale.",
      },
    };
  },
);

export const duplicateProductAction = merchantAction(
  productIdInput,
  async ({ productId }, { now }) => {
    const copy = await duplicateProduct(await getDb(), productId, now);
    if (!copy) return { ok: false, error: "This product no longer exists." };
    refreshProducts();
    return {
      ok: true,
      data: { productId: copy.id, message: `Copied as “${copy.slug}”, off sale.` },
    };
  },
);

export const archiveProductAction = merchantAction(
  productIdInput.extend({ archived: booleanField }),
  async ({ productId, archived }, { now }) => {
    if (!(await setProductArchived(await getDb(), { productId, archived }, now))) {
      return { ok: false, error: "Nothing to change: the product is gone or already archived." };
    }
    refreshProducts(productId);
    return { ok: true, data: { message: archived ? "Archived." : "Restored, off sale." } };
  },
);
