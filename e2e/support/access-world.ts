import type { SignedInApp } from "./signed-in-app";

/** What the access journeys act on: two buyers' orders and a failed grant, by id. */
export interface AccessWorld {
  /** Buyer A (octocat) bought and paid this through the test checkout. */
  paidA: string;
  grantA: number;
  /** Buyer A started buying this and has not paid: the test checkout still takes it. */
  pendingA: string;
  /** Buyer B (hubot)'s own paid order, from a signed order webhook. */
  paidB: string;
  /** A paid order for a GitHub login that does not exist: its grant failed. */
  ghostGrant: number;
  productId: string;
}

export const PRODUCTS = {
  paid: { slug: "octo-paid-kit", name: "Octo Paid Kit", owner: "acme", repo: "toolkit" },
  pending: {
    slug: "octo-pending-kit",
    name: "Octo Pending Kit",
    owner: "acme-admin",
    repo: "dotfiles",
  },
} as const;

export const EXTERNAL_IDS = { paidB: "sec-hubot-1", ghost: "sec-ghost-1" } as const;

/** Products on sale with one repository each, straight into the database. */
export async function createProducts(app: SignedInApp): Promise<string> {
  let paidId = "";
  for (const product of Object.values(PRODUCTS)) {
    const [row] = await app.sql<Array<{ id: string }>>`
      insert into products (slug, name, description, price_cents, currency)
      values (${product.slug}, ${product.name}, '', 1900, 'USD') returning id`;
    await app.sql`
      insert into entitlements (product_id, kind, owner, repo, permission, position)
      values (${row!.id}, 'github_repo', ${product.owner}, ${product.repo}, 'pull', 0)`;
    if (product.slug === PRODUCTS.paid.slug) paidId = row!.id;
  }
  return paidId;
}

/**
 * The order data a journey must leave untouched when it is refused: every order, grant and
 * product with the columns an action would change, and the number of rows of every other table
 * an action writes. The background worker does not touch these once every grant has settled.
 */
export async function orderDataSnapshot(app: SignedInApp): Promise<unknown> {
  const [snapshot] = await app.sql`
    select
      (select json_agg(o order by o.id) from (
        select id, status, buyer_id, paid_at, refunded_at, canceled_at from orders) o) as orders,
      (select json_agg(g order by g.id) from (
        select id, status, attempts, resends, invitation_id, revoke_requested_at, revoked_at,
               next_attempt_at from grants) g) as grants,
      (select json_agg(p order by p.id) from (
        select id, slug, name, active, archived_at, updated_at from products) p) as products,
      (select count(*) from entitlements) as entitlements,
      (select count(*) from buyers) as buyers,
      (select count(*) from grant_events) as grant_events,
      (select count(*) from webhook_deliveries) as webhook_deliveries,
      (select count(*) from webhook_rejections) as webhook_rejections`;
  return snapshot;
}
