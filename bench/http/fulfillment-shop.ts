// The shop B4, B6 and B7 sell from, and what they check afterwards: one product per repository
// (acme/bench-01 … acme/bench-NN), buyers buyer-001 … on the emulator, orders named by an
// external-id prefix; the grants' outcome read from the database, the invitations from the
// emulator's request log.
import { count, eq, like } from "drizzle-orm";
import { grantEvents, grants, orders } from "../../lib/db/schema";
import type { Database } from "../../lib/db/types";
import { createProduct } from "../../lib/products/create-product";
import type { GithubEmulator } from "../../sandbox/github/emulator";
import type { RequestLogEntry } from "../../sandbox/github/request-log";
import type { Seed } from "../../sandbox/github/seed";
import { seedWithBuyers } from "../../test/support/fulfillment-fixtures";
import { INVITE_ROUTE, buyerLogin, paidOrderBody } from "./orders";

const two = (n: number) => String(n).padStart(2, "0");
export const repoName = (r: number) => `bench-${two(r + 1)}`;
export const productSlug = (r: number) => `bench-repo-${two(r + 1)}`;

/** A second org admin with their own token: a second instance's requests carry their login. */
export const SECOND_ADMIN = { login: "acme-ops", token: "bench-acme-ops-token" };

export function shopSeed(buyers: number, repos: number): Seed {
  const base = seedWithBuyers(buyers);
  const [acme, ...otherOrgs] = base.orgs ?? [];
  const admin = base.tokens.find((t) => t.token === "sandbox-admin-token")!;
  return {
    ...base,
    users: [...base.users, { login: SECOND_ADMIN.login, id: 1_000_100, name: "Acme Ops" }],
    orgs: [
      {
        ...acme!,
        members: [...(acme!.members ?? []), { login: SECOND_ADMIN.login, role: "admin" }],
      },
      ...otherOrgs,
    ],
    repos: [
      ...base.repos,
      ...Array.from({ length: repos }, (_, r) => ({
        owner: "acme",
        name: repoName(r),
        id: 3_100_000 + r,
      })),
    ],
    tokens: [...base.tokens, { ...admin, token: SECOND_ADMIN.token, login: SECOND_ADMIN.login }],
  };
}

export async function createRepoProducts(db: Database, repos: number) {
  for (let r = 0; r < repos; r++) {
    await createProduct(db, {
      slug: productSlug(r),
      name: `Bench ${repoName(r)}`,
      entitlements: [{ kind: "github_repo", owner: "acme", repo: repoName(r), permission: "pull" }],
    });
  }
}

/** Order i: buyer i + 1 (so every grant has its own buyer), repository i mod `repos`. */
export function shopOrder(prefix: string, i: number, repos: number) {
  return paidOrderBody(`${prefix}-${i}`, buyerLogin(i + 1), productSlug(i % repos));
}

const isInvite = (e: RequestLogEntry) => `${e.method} ${e.route}` === INVITE_ROUTE;
const inviteKey = (e: RequestLogEntry) => e.path.split("?")[0]!.replace(/^\/repos\//, "");

/** Invitation PUTs that reached the emulator, by "owner/repo/collaborators/login". */
export function invitePuts(emulator: GithubEmulator) {
  const puts = new Map<string, RequestLogEntry[]>();
  for (const entry of emulator.requestLog.entries.filter(isInvite)) {
    puts.set(inviteKey(entry), [...(puts.get(inviteKey(entry)) ?? []), entry]);
  }
  return puts;
}

/** Waits (bounded) until `expected` distinct invitations were answered 201; returns when. */
export async function untilInvited(emulator: GithubEmulator, expected: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const created = emulator.requestLog.entries.filter((e) => isInvite(e) && e.status === 201);
    const distinct = new Set(created.map(inviteKey));
    if (distinct.size >= expected) return Math.max(...created.map((e) => e.at));
    if (Date.now() > deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface ShopOutcome {
  orders: Set<string>;
  statuses: Map<string, number>;
  /** Grants with more than one event of a kind that must happen once (invite, invited). */
  duplicateEvents: number;
  /** Each grant's invite event's GitHub request id → the grant's "repo/collaborators/login". */
  inviteRequests: Map<string, string>;
}

/** What the database holds for the orders named `${prefix}-…` (run with the server stopped). */
export async function readOutcome(db: Database, prefix: string): Promise<ShopOutcome> {
  const mine = like(orders.externalId, `${prefix}-%`);
  const stored = await db.select({ externalId: orders.externalId }).from(orders).where(mine);
  const perStatus = await db
    .select({ status: grants.status, n: count() })
    .from(grants)
    .innerJoin(orders, eq(grants.orderId, orders.id))
    .where(mine)
    .groupBy(grants.status);
  const events = await db
    .select({
      grantId: grantEvents.grantId,
      kind: grantEvents.kind,
      requestId: grantEvents.requestId,
      owner: grants.owner,
      repo: grants.repo,
      login: grants.githubLogin,
    })
    .from(grantEvents)
    .innerJoin(grants, eq(grantEvents.grantId, grants.id))
    .innerJoin(orders, eq(grants.orderId, orders.id))
    .where(mine);
  const once = new Map<string, number>();
  const inviteRequests = new Map<string, string>();
  for (const event of events) {
    if (event.kind !== "invite" && event.kind !== "invited") continue;
    const key = `${event.grantId} ${event.kind}`;
    once.set(key, (once.get(key) ?? 0) + 1);
    if (event.kind === "invite" && event.requestId) {
      inviteRequests.set(
        event.requestId,
        `${event.owner}/${event.repo}/collaborators/${event.login}`,
      );
    }
  }
  return {
    orders: new Set(stored.map((o) => o.externalId!)),
    statuses: new Map(perStatus.map((row) => [row.status, row.n])),
    duplicateEvents: [...once.values()].filter((n) => n > 1).length,
    inviteRequests,
  };
}

export const statusList = (statuses: Map<string, number>) =>
  [...statuses].map(([status, n]) => `${status} ${n}`).join(", ") || "none";
