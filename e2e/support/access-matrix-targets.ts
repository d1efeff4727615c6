import { EXTERNAL_IDS, PRODUCTS, type AccessWorld } from "./access-world";

// The access matrix of e2e/access-matrix.spec.ts: every page and route handler that reads or
// changes order data, and what each persona gets there. A new page is a new row.

export type Persona = "anonymous" | "forged" | "buyerA" | "buyerB" | "merchant";
export const PERSONAS: Persona[] = ["anonymous", "forged", "buyerA", "buyerB", "merchant"];

/**
 * What a persona gets: `sees` the page with the data named by the target; `own` the page with
 * nothing of another buyer's; `sign-in` a redirect to sign in; `forbidden` 403, `not-found` 404
 * and `unauthorized` 401, each with none of the order data.
 */
export type Outcome = "sees" | "own" | "sign-in" | "forbidden" | "not-found" | "unauthorized";

export interface Target {
  path: (world: AccessWorld) => string;
  method?: "GET" | "POST";
  /** What `sees` must show: the proof that the page read the order data. */
  shows: (world: AccessWorld) => string[];
  /** Names this page shows everyone (a product on sale), so not private here. */
  public?: string[];
  expect: Record<Persona, Outcome>;
}

const MERCHANT_ONLY: Record<Persona, Outcome> = {
  anonymous: "sign-in",
  forged: "sign-in",
  buyerA: "forbidden",
  buyerB: "forbidden",
  merchant: "sees",
};
const OWNER_A_ONLY: Record<Persona, Outcome> = {
  anonymous: "sign-in",
  forged: "sign-in",
  buyerA: "sees",
  buyerB: "not-found",
  merchant: "not-found",
};

/** One row per page or route handler that reads or changes order data. */
export const MATRIX: Record<string, Target> = {
  "buyer A's purchases": {
    path: () => "/purchases",
    shows: () => [PRODUCTS.paid.name, PRODUCTS.pending.name],
    expect: { ...OWNER_A_ONLY, buyerB: "own", merchant: "own" },
  },
  "buyer A's paid order": {
    path: (w) => `/purchases/${w.paidA}`,
    shows: () => [PRODUCTS.paid.name, "Invitation sent"],
    expect: OWNER_A_ONLY,
  },
  "buyer A's test checkout": {
    path: (w) => `/checkout/${w.pendingA}`,
    shows: () => [PRODUCTS.pending.name, "Pay $19.00 (test)"],
    expect: OWNER_A_ONLY,
  },
  "a product's page, which knows who already bought it": {
    path: () => `/products/${PRODUCTS.paid.slug}`,
    shows: (w) => ["You already have this", `/purchases/${w.paidA}`],
    public: [PRODUCTS.paid.name],
    expect: { anonymous: "own", forged: "own", buyerA: "sees", buyerB: "own", merchant: "own" },
  },
  "buyer B's paid order": {
    path: (w) => `/purchases/${w.paidB}`,
    shows: () => ["Acme Toolkit (demo)"],
    expect: { ...OWNER_A_ONLY, buyerA: "not-found", buyerB: "sees" },
  },
  "dashboard overview": {
    path: () => "/dashboard",
    shows: () => ["Needs attention", "ghost-nobody"],
    expect: MERCHANT_ONLY,
  },
  "orders table": {
    path: () => "/dashboard/orders",
    shows: (w) => [w.paidA, w.pendingA, w.paidB, "@octocat", "@ghost-nobody"],
    expect: MERCHANT_ONLY,
  },
  "orders table searched": {
    path: () => "/dashboard/orders?q=octocat&status=paid",
    shows: () => [PRODUCTS.paid.name],
    expect: MERCHANT_ONLY,
  },
  "order page": {
    path: (w) => `/dashboard/orders/${w.paidA}`,
    shows: () => [PRODUCTS.paid.name, "@octocat", "acme/toolkit"],
    expect: MERCHANT_ONLY,
  },
  "orders CSV export": {
    path: () => "/dashboard/orders/export",
    shows: (w) => [w.paidA, w.pendingA, w.paidB, EXTERNAL_IDS.ghost, "octocat"],
    expect: { ...MERCHANT_ONLY, forged: "unauthorized" },
  },
  products: {
    path: () => "/dashboard/products",
    shows: () => [PRODUCTS.paid.name, PRODUCTS.pending.name],
    expect: MERCHANT_ONLY,
  },
  "product editor": {
    path: (w) => `/dashboard/products/${w.productId}`,
    shows: () => [PRODUCTS.paid.slug],
    expect: MERCHANT_ONLY,
  },
  "new product": {
    path: () => "/dashboard/products/new",
    shows: () => ["Create product"],
    expect: MERCHANT_ONLY,
  },
  payments: {
    path: () => "/dashboard/payments",
    shows: () => ["Stripe"],
    expect: MERCHANT_ONLY,
  },
  deliveries: {
    path: () => "/dashboard/deliveries",
    shows: () => ["no-such-product"],
    expect: MERCHANT_ONLY,
  },
  "give access": {
    path: () => "/dashboard/give-access",
    shows: () => ["Give access", PRODUCTS.paid.name],
    expect: MERCHANT_ONLY,
  },
  // For external schedulers, with its bearer secret only: no session opens it.
  "fulfillment trigger": {
    path: () => "/api/cron/fulfill?sync=1",
    method: "POST",
    shows: () => [],
    expect: {
      anonymous: "unauthorized",
      forged: "unauthorized",
      buyerA: "unauthorized",
      buyerB: "unauthorized",
      merchant: "unauthorized",
    },
  },
};
