// The status values, with no database imports, so browser code (filters, badges) can use them.
// Status values are a contract: integrators query them, and the check constraints in schema.ts
// keep anything else out of the database.
export const ORDER_STATUSES = ["pending", "paid", "refunded", "canceled"] as const;
export const GRANT_STATUSES = [
  "waiting_for_github",
  "queued",
  "invited",
  "active",
  "expired",
  "declined",
  "failed",
  "revoked",
] as const;
export const ENTITLEMENT_KINDS = ["github_repo", "github_team"] as const;
export const TEAM_ROLES = ["member", "maintainer"] as const;
/** The payment providers with a webhook route of their own (/api/webhooks/<provider>). */
export const PAYMENT_PROVIDERS = ["stripe", "lemonsqueezy", "polar"] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type GrantStatus = (typeof GRANT_STATUSES)[number];
export type EntitlementKind = (typeof ENTITLEMENT_KINDS)[number];
export type PaymentProvider = (typeof PAYMENT_PROVIDERS)[number];
