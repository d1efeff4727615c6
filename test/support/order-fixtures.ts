import { buyers, grants, orders } from "@/lib/db/schema";
import type { Database } from "@/lib/db/types";
import { createProduct } from "@/lib/products/create-product";

const HOUR = 3_600_000;

/**
 * A small shop: two products, three buyers and six orders an hour apart from `start`, in every
 * order status, with amounts, external ids and grants — enough for each filter, sort and search
 * of the merchant's orders table to have something to find and something to leave out.
 */
export async function seedSmallShop(db: Database, start = new Date("2026-11-20T09:00:00Z")) {
  const toolkit = await createProduct(db, {
    slug: "toolkit",
    name: "Toolkit",
    priceCents: 4900,
    entitlements: [{ kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" }],
  });
  const handbook = await createProduct(db, {
    slug: "handbook",
    name: "Handbook",
    priceCents: 1900,
    entitlements: [{ kind: "github_team", org: "acme", teamSlug: "readers", teamRole: "member" }],
  });
  const [hubot, octocat, emailOnly] = await db
    .insert(buyers)
    .values([
      { githubLogin: "hubot", githubUserId: 480938 },
      { githubLogin: "octocat", githubUserId: 583231, email: "octo@example.test" },
      { email: "ada@example.test" },
    ])
    .returning();
  const at = (hours: number) => new Date(start.getTime() + hours * HOUR);
  const rows = [
    {
      id: "ord-a",
      productId: toolkit.id,
      buyerId: hubot!.id,
      status: "paid",
      amount: 4900,
      externalId: "ext-a",
      paidAt: at(0),
    },
    {
      id: "ord-b",
      productId: handbook.id,
      buyerId: octocat!.id,
      status: "paid",
      amount: 1900,
      externalId: "ext-b",
      paidAt: at(1),
    },
    {
      id: "ord-c",
      productId: toolkit.id,
      buyerId: emailOnly!.id,
      buyerEmail: "ada@example.test",
      status: "pending",
      amount: null,
      externalId: null,
      paidAt: null,
    },
    {
      id: "ord-d",
      productId: toolkit.id,
      buyerId: octocat!.id,
      status: "refunded",
      amount: 2500,
      externalId: "ext-d",
      paidAt: at(3),
    },
    {
      id: "ord-e",
      productId: handbook.id,
      buyerId: hubot!.id,
      status: "canceled",
      amount: 900,
      externalId: "ext-e",
      paidAt: null,
    },
    {
      id: "ord-f",
      productId: toolkit.id,
      buyerId: hubot!.id,
      status: "paid",
      amount: 9900,
      externalId: "EXT-F",
      paidAt: at(5),
    },
  ] as const;
  await db.insert(orders).values(
    rows.map((row, index) => ({
      ...row,
      source: "orders",
      currency: "USD",
      createdAt: at(index),
    })),
  );
  const entitlementOf = async (productId: string) =>
    (await db.query.entitlements.findFirst({ where: (e, { eq }) => eq(e.productId, productId) }))!;
  const toolkitEntitlement = await entitlementOf(toolkit.id);
  await db.insert(grants).values([
    {
      orderId: "ord-a",
      entitlementId: toolkitEntitlement.id,
      buyerId: hubot!.id,
      status: "active",
      kind: "github_repo",
      owner: "acme",
      repo: "toolkit",
      permission: "pull",
      githubLogin: "hubot",
    },
    {
      orderId: "ord-f",
      entitlementId: toolkitEntitlement.id,
      buyerId: hubot!.id,
      status: "failed",
      kind: "github_repo",
      owner: "acme",
      repo: "toolkit",
      permission: "pull",
      githubLogin: "hubot",
      lastError: { code: "repo_not_found", message: "Not Found", at: at(5).toISOString() },
    },
  ]);
  return {
    toolkit,
    handbook,
    buyers: { hubot: hubot!, octocat: octocat!, emailOnly: emailOnly! },
    at,
  };
}
