import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { buyers, grants, orders } from "../../db/schema";
import type { Database } from "../../db/types";
import { transitionGrants } from "../transition";

export interface GithubIdentity {
  /** The signed-in buyer's row, which now carries the GitHub account. */
  buyerId: string;
  githubUserId: number;
  /** Null for Logto records too old to carry the login: fulfillment resolves it from the id. */
  githubLogin: string | null;
  /** Only a verified email may claim orders placed under it. */
  verifiedEmail: string | null;
}

/**
 * Queues the grants that waited for a GitHub account: the buyer's own, and those of orders
 * placed under the buyer's verified email before they ever signed in. Returns how many.
 */
export async function queueWaitingGrants(
  db: Database,
  identity: GithubIdentity,
  now: Date,
): Promise<number> {
  return db.transaction(async (tx) => {
    const emailMatch = identity.verifiedEmail ? sql`lower(${identity.verifiedEmail})` : sql`null`;
    const placeholders = tx
      .select({ id: buyers.id })
      .from(buyers)
      .where(
        and(
          sql`lower(${buyers.email}) = ${emailMatch}`,
          isNull(buyers.githubUserId),
          isNull(buyers.logtoUserId),
        ),
      );
    const claimedOrders = tx
      .select({ id: orders.id })
      .from(orders)
      .where(
        or(
          eq(orders.buyerId, identity.buyerId),
          inArray(orders.buyerId, placeholders),
          sql`lower(${orders.buyerEmail}) = ${emailMatch}`,
        ),
      );
    const queued = await transitionGrants(tx, {
      grants: inArray(grants.orderId, claimedOrders),
      from: ["waiting_for_github"],
      set: {
        status: "queued",
        buyerId: identity.buyerId,
        githubLogin: identity.githubLogin,
        githubUserId: identity.githubUserId,
        queuedAt: now,
        nextAttemptAt: now,
      },
      event: {
        kind: "queued",
        at: now,
        detail: { reason: "github_identity_attached", githubLogin: identity.githubLogin },
      },
    });
    if (queued.length === 0) return 0;

    const orderIds = tx
      .select({ id: grants.orderId })
      .from(grants)
      .where(inArray(grants.id, queued));
    await tx.update(orders).set({ buyerId: identity.buyerId }).where(inArray(orders.id, orderIds));
    return queued.length;
  });
}
