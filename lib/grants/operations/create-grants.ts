import { asc, eq, sql } from "drizzle-orm";
import { entitlements, grants } from "../../db/schema";
import type { Database } from "../../db/types";
import { writeWithEvents } from "../events";
import type { GrantRecipient } from "../grant";

function hasGithubIdentity(recipient: GrantRecipient | undefined): boolean {
  return Boolean(recipient && (recipient.githubLogin || recipient.githubUserId));
}

/**
 * One grant per entitlement of the order's product, with a snapshot of what is granted, each
 * with its `created` event. Unique (order_id, entitlement_id) makes a repeated call create
 * nothing. A recipient without a GitHub account yet waits for one.
 */
export async function createGrants(
  db: Database,
  order: { id: string; productId: string },
  recipient: GrantRecipient | undefined,
  now: Date,
): Promise<number[]> {
  const items = await db
    .select()
    .from(entitlements)
    .where(eq(entitlements.productId, order.productId))
    .orderBy(asc(entitlements.position));
  if (items.length === 0) return [];

  const ready = hasGithubIdentity(recipient);
  const insert = db
    .insert(grants)
    .values(
      items.map((item) => ({
        orderId: order.id,
        entitlementId: item.id,
        buyerId: recipient?.id ?? null,
        status: ready ? ("queued" as const) : ("waiting_for_github" as const),
        kind: item.kind,
        owner: item.owner,
        repo: item.repo,
        permission: item.permission,
        org: item.org,
        teamSlug: item.teamSlug,
        teamRole: item.teamRole,
        githubLogin: recipient?.githubLogin ?? null,
        githubUserId: recipient?.githubUserId ?? null,
        queuedAt: ready ? now : null,
        nextAttemptAt: ready ? now : null,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: grants.id, status: grants.status });
  const created = await writeWithEvents(db, insert, {
    kind: "created",
    at: now,
    detail: sql`jsonb_build_object('status', changed.status)`,
  });
  return created.sort((a, b) => a - b);
}
