import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { buyers, orders, products } from "../db/schema";
import type { Database } from "../db/types";
import { getUserByLogin, type GithubClientProvider, type InstallationTarget } from "../github";
import { entitlementsOf } from "../products/product-lifecycle";
import { createGrants } from "../grants";
import { findOrCreateBuyer } from "./find-or-create-buyer";

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
export const MAX_LOGINS_PER_REQUEST = 100;

export type GiveAccessReport =
  | { login: string; outcome: "given"; orderId: string }
  | { login: string; outcome: "skipped"; reason: string; orderId?: string }
  | { login: string; outcome: "refused"; reason: string };

/** "@hubot, octocat\nHubot" → ["hubot", "octocat"]: one entry per login, in the order pasted. */
export function parseLoginList(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(/[\s,;]+/)
    .map((entry) => entry.trim().replace(/^@/, ""))
    .filter((entry) => {
      const key = entry.toLowerCase();
      if (!entry || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

async function paidOrderFor(db: Database, productId: string, login: string) {
  const [row] = await db
    .select({ id: orders.id })
    .from(orders)
    .innerJoin(buyers, eq(buyers.id, orders.buyerId))
    .where(
      and(
        eq(orders.productId, productId),
        eq(orders.status, "paid"),
        sql`lower(${buyers.githubLogin}) = lower(${login})`,
      ),
    )
    .limit(1);
  return row?.id;
}

/**
 * The merchant's "Give access": for each GitHub login, asks GitHub whether the account exists,
 * then records a paid order with source `manual` and its grants in one transaction (the engine
 * sends the invitations). Each login is reported on its own; one bad entry stops nothing else.
 */
export async function giveAccess(
  db: Database,
  github: GithubClientProvider,
  input: { productId: string; logins: string[] },
  now: Date,
): Promise<{ ok: true; reports: GiveAccessReport[] } | { ok: false; error: string }> {
  const [product] = await db
    .select({ id: products.id, archivedAt: products.archivedAt })
    .from(products)
    .where(eq(products.id, input.productId));
  if (!product) return { ok: false, error: "Choose a product: this one no longer exists." };
  if (product.archivedAt)
    return { ok: false, error: "This product is archived; restore it first." };
  const [first] = await entitlementsOf(db, product.id);
  if (!first)
    return { ok: false, error: "This product gives no access yet: add a repository or team." };
  const target: InstallationTarget =
    first.kind === "github_repo" ? { owner: first.owner, repo: first.repo } : { org: first.org };
  const client = await github.clientFor(target);
  if (!client.ok) return { ok: false, error: `${client.error.message} ${client.error.fix}` };

  const reports: GiveAccessReport[] = [];
  for (const login of input.logins) {
    if (!LOGIN.test(login)) {
      reports.push({ login, outcome: "refused", reason: "is not a GitHub login" });
      continue;
    }
    const account = await getUserByLogin(client.value, login);
    if (!account.ok) {
      reports.push({
        login,
        outcome: "refused",
        reason:
          account.error.code === "user_not_found"
            ? "GitHub has no account with this login"
            : `GitHub could not be asked: ${account.error.message}`,
      });
      continue;
    }
    if (account.value.type !== "User") {
      reports.push({ login, outcome: "refused", reason: "is an organization, not a person" });
      continue;
    }
    const existing = await paidOrderFor(db, product.id, account.value.login);
    if (existing) {
      reports.push({
        login: account.value.login,
        outcome: "skipped",
        reason: "already has a paid order for this product",
        orderId: existing,
      });
      continue;
    }
    const orderId = await db.transaction(async (tx) => {
      const buyer = await findOrCreateBuyer(tx, { githubLogin: account.value.login });
      const [order] = await tx
        .insert(orders)
        .values({
          productId: product.id,
          buyerId: buyer.id,
          status: "paid",
          source: "manual",
          createdAt: now,
          paidAt: now,
        })
        .returning({ id: orders.id, productId: orders.productId });
      await createGrants(tx, order!, buyer, now);
      return order!.id;
    });
    reports.push({ login: account.value.login, outcome: "given", orderId });
  }
  return { ok: true, reports };
}
