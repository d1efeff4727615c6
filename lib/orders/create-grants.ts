import { asc, eq } from "drizzle-orm";
import { entitlements, grantEvents, grants } from "../db/schema";
import type { Database } from "../db/types";
import type { BuyerIdentity } from "./find-or-create-buyer";

export function hasGithubIdentity(buyer: BuyerIdentity | undefined): boolean {
  return Boolean(buyer && (buyer.githubLogin || buyer.githubUserId));
}

/**
 * One grant per entitlement of the order's product, with a snapshot of what is granted. Unique
 * (order_id, entitlement_id) makes a repeated call create nothing.
 */
export async function createGrants(
  db: Database,
  order: { id: string; productId: string },
  buyer: BuyerIdentity | undefined,
  now: Date,
): Promise<number[]> {
  const items = await db
    .select()
    .from(entitlements)
    .where(eq(entitlements.productId, order.productId))
    .orderBy(asc(entitlements.position));
  if (items.length === 0) return [];

  const ready = hasGithubIdentity(buyer);
  const created = await db
    .insert(grants)
    .values(
      items.map((item) => ({
        orderId: order.id,
        entitlementId: item.id,
        buyerId: buyer?.id ?? null,
        status: ready ? ("queued" as const) : ("waiting_for_github" as const),
        kind: item.kind,
        owner: item.owner,
        repo: item.repo,
        permission: item.permission,
        org: item.org,
        teamSlug: item.teamSlug,
        teamRole: item.teamRole,
        githubLogin: buyer?.githubLogin ?? null,
        githubUserId: buyer?.githubUserId ?? null,
        queuedAt: ready ? now : null,
        nextAttemptAt: ready ? now : null,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: grants.id, status: grants.status });

  if (created.length > 0) {
    await db.insert(grantEvents).values(
      created.map((grant) => ({
        grantId: grant.id,
        at: now,
        kind: "created",
        detail: { status: grant.status },
      })),
    );
  }
  return created.map((grant) => grant.id);
}
