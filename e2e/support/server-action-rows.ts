import { PRODUCTS, type AccessWorld } from "./access-world";

// Every server action of the build, with input that would change buyer A's or the store's data
// if the action let it through (e2e/access-matrix.spec.ts posts each one as those it must
// refuse). The spec fails on a built action without a row here.

export interface ActionRow {
  access: "merchant" | "buyer";
  /** A page that runs the action, as the browser posts it. */
  page: (world: AccessWorld) => string;
  /** Input that would change buyer A's or the store's data if the action let it through. */
  fields: (world: AccessWorld) => Record<string, string>;
  /** A buyer action tried by buyer B on buyer A's rows answers this; null: it acts on the
   * caller's own rows only (buying), so there is nothing of A's to try. */
  refusesOtherBuyer?: string | null;
  /** What the one entitled gets, after the others have run, when it is not `"ok":true`. */
  entitledAnswer?: string;
}

const entitlementRows = JSON.stringify([
  { kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" },
]);

/** One row per server action of the build (the test fails on an action without a row). */
export const ACTIONS: Record<string, ActionRow> = {
  archiveProductAction: {
    access: "merchant",
    page: () => "/dashboard/products",
    fields: (w) => ({ productId: w.productId, archived: "true" }),
  },
  buyProductAction: {
    access: "buyer",
    page: () => `/products/${PRODUCTS.paid.slug}`,
    fields: () => ({ slug: PRODUCTS.paid.slug }),
    refusesOtherBuyer: null,
  },
  checkAccessAction: {
    access: "merchant",
    page: () => "/dashboard/products/new",
    fields: () => ({ entitlements: entitlementRows }),
  },
  duplicateProductAction: {
    access: "merchant",
    page: () => "/dashboard/products",
    fields: (w) => ({ productId: w.productId }),
  },
  giveAccessAction: {
    access: "merchant",
    page: () => "/dashboard/give-access",
    fields: (w) => ({ productId: w.productId, logins: "hubot" }),
  },
  markPaidAction: {
    access: "merchant",
    page: (w) => `/dashboard/orders/${w.pendingA}`,
    fields: (w) => ({ orderId: w.pendingA }),
  },
  payTestOrderAction: {
    access: "buyer",
    page: (w) => `/checkout/${w.pendingA}`,
    fields: (w) => ({ orderId: w.pendingA }),
    refusesOtherBuyer: "There is no such order among your purchases.",
  },
  refundAction: {
    access: "merchant",
    page: (w) => `/dashboard/orders/${w.paidA}`,
    fields: (w) => ({ orderId: w.paidA }),
  },
  renewInvitationAction: {
    access: "buyer",
    page: (w) => `/purchases/${w.paidA}`,
    fields: (w) => ({ grantId: String(w.grantA) }),
    refusesOtherBuyer: "There is no such invitation among your purchases.",
    // Past the ownership check, buyer A's own invitation is refused only for being unexpired.
    entitledAnswer: "This invitation has not expired",
  },
  resendInvitationAction: {
    access: "merchant",
    page: (w) => `/dashboard/orders/${w.paidA}`,
    fields: (w) => ({ orderId: w.paidA, grantId: String(w.grantA) }),
  },
  retryFailedForTargetAction: {
    access: "merchant",
    page: () => "/dashboard",
    fields: () => ({ owner: "acme", repo: "toolkit" }),
  },
  retryGrantAction: {
    access: "merchant",
    page: () => "/dashboard",
    fields: (w) => ({ grantId: String(w.ghostGrant) }),
  },
  revokeGrantAction: {
    access: "merchant",
    page: (w) => `/dashboard/orders/${w.paidA}`,
    fields: (w) => ({ orderId: w.paidA, grantId: String(w.grantA) }),
  },
  runAccessAuditAction: {
    access: "merchant",
    page: () => "/dashboard",
    fields: () => ({}),
  },
  saveProductAction: {
    access: "merchant",
    page: () => "/dashboard/products/new",
    fields: () => ({
      name: "Taken over",
      slug: "taken-over",
      price: "1",
      currency: "USD",
      entitlements: entitlementRows,
    }),
  },
  sendTestEventAction: {
    access: "merchant",
    page: () => "/dashboard/payments",
    fields: () => ({ provider: "stripe" }),
  },
  setActiveAction: {
    access: "merchant",
    page: () => "/dashboard/products",
    fields: (w) => ({ productId: w.productId, active: "false" }),
  },
};
