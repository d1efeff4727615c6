import { sql } from "drizzle-orm";
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
  const ready = hasGithubIdentity(recipient);
  const status = ready ? "queued" : "waiting_for_github";
  const due = ready ? now.toISOString() : null;
  // One statement reads the entitlements and inserts the grants (the order's transaction is
  // taken in at most a few round trips: a paid order's webhook waits on each of them).
  const insert = sql`
    insert into ${grants} (order_id, entitlement_id, buyer_id, status, kind, owner, repo,
      permission, org, team_slug, team_role, github_login, github_user_id, queued_at,
      next_attempt_at, created_at, updated_at)
    select ${order.id}, e.id, ${recipient?.id ?? null}::uuid, ${status}, e.kind, e.owner, e.repo,
      e.permission, e.org, e.team_slug, e.team_role, ${recipient?.githubLogin ?? null}::text,
      ${recipient?.githubUserId ?? null}::bigint, ${due}::timestamptz, ${due}::timestamptz,
      ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
    from ${entitlements} e
    where e.product_id = ${order.productId}
    order by e.position
    on conflict do nothing
    returning id, status`;
  const created = await writeWithEvents(
    db,
    { getSQL: () => insert },
    {
      kind: "created",
      at: now,
      detail: sql`jsonb_build_object('status', changed.status)`,
    },
  );
  return created.sort((a, b) => a - b);
}
