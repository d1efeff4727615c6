import { z } from "zod";
import { REPO_PERMISSIONS } from "../github/permissions";
import { PAYMENT_PROVIDERS, TEAM_ROLES } from "../db/status-values";
import { linkCarriesOrderId, PAYMENT_LINKS } from "../payments/payment-links";

// GitHub's naming rules, so a typo is caught next to the field instead of by a failed sale.
const GITHUB_ACCOUNT = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const REPO_NAME = /^(?!\.{1,2}$)[A-Za-z0-9._-]{1,100}$/;
const TEAM_SLUG = /^[a-z0-9][a-z0-9_-]{0,99}$/;
// Custom repository roles are named by the organization: letters, digits, spaces, - and _.
const ROLE_NAME = /^[A-Za-z0-9][A-Za-z0-9 _-]{0,99}$/;

const account = z
  .string()
  .trim()
  .regex(GITHUB_ACCOUNT, "is not a GitHub account name (letters, digits and single hyphens)");

export const repoEntitlementSchema = z.object({
  id: z.uuid().optional(),
  kind: z.literal("github_repo"),
  owner: account,
  repo: z
    .string()
    .trim()
    .regex(REPO_NAME, "is not a GitHub repository name (letters, digits, . _ and -)"),
  permission: z
    .string()
    .trim()
    .regex(ROLE_NAME, `must be ${REPO_PERMISSIONS.join(", ")} or a custom role's name`),
});

export const teamEntitlementSchema = z.object({
  id: z.uuid().optional(),
  kind: z.literal("github_team"),
  org: account,
  teamSlug: z
    .string()
    .trim()
    .regex(TEAM_SLUG, "is not a team slug (as in github.com/orgs/acme/teams/<slug>)"),
  teamRole: z.enum(TEAM_ROLES, "must be member or maintainer"),
});

export const entitlementInputSchema = z.discriminatedUnion("kind", [
  repoEntitlementSchema,
  teamEntitlementSchema,
]);
export type EntitlementFormInput = z.output<typeof entitlementInputSchema>;

const price = z
  .string()
  .trim()
  .regex(/^\d{1,7}(\.\d{1,2})?$/, "must be an amount like 49 or 49.90")
  .transform((value) => Math.round(Number(value) * 100));

const paymentLink = z
  .string()
  .trim()
  .transform((value) => (value === "" ? null : value))
  .pipe(
    z
      .url({ protocol: /^https?$/, error: "must be an http(s) address" })
      .refine(
        (value) => value.includes("{orderId}"),
        "must contain {orderId}, where the order's id goes (the payment provider sends it back)",
      )
      .nullable(),
  );

/** The product editor's fields, as the merchant types them. */
export const productFormSchema = z
  .object({
    name: z.string().trim().min(1, "is required").max(120, "is at most 120 characters"),
    slug: z
      .string()
      .trim()
      .regex(
        /^[a-z0-9][a-z0-9-]{0,62}$/,
        "must be lowercase letters, digits and hyphens (it becomes /products/<slug>)",
      ),
    description: z.string().trim().max(2000, "is at most 2000 characters").default(""),
    price,
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, "must be a 3-letter currency code like USD"),
    paymentLink,
    // Optional, so that a product made in code (or before payment settings existed) parses.
    paymentProvider: z
      .union([z.literal(""), z.enum(PAYMENT_PROVIDERS)], "must be Stripe, Lemon Squeezy or Polar")
      .optional()
      .transform((value) => value || null),
    providerProductRef: z
      .string()
      .trim()
      .max(200, "is at most 200 characters")
      .optional()
      .transform((value) => value || null),
    providerAmount: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || null)
      .pipe(price.nullable()),
    revokeOnPartialRefund: z.boolean().default(false),
    entitlements: z
      .array(entitlementInputSchema)
      .min(1, "add at least one repository or team to give access to")
      .max(20, "is at most 20 rows"),
  })
  .superRefine((form, ctx) => {
    const provider = form.paymentProvider;
    if (!provider || !form.paymentLink || linkCarriesOrderId(provider, form.paymentLink)) return;
    const { name, placeholder } = PAYMENT_LINKS[provider];
    ctx.addIssue({
      code: "custom",
      path: ["paymentLink"],
      message: `must carry ${placeholder} in its query: that is where ${name} reads the order id from`,
    });
  });

export type ProductForm = z.output<typeof productFormSchema>;
export type ProductFormInput = z.input<typeof productFormSchema>;

/** Field errors keyed by path ("slug", "entitlements.1.repo"), for messages beside each field. */
export type FieldErrors = Record<string, string[]>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
