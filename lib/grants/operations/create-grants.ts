import { sql, type SQL } from "drizzle-orm";
import { entitlements, grants } from "../../db/schema";
import type { Database } from "../../db/types";
import { writeWithEvents } from "../events";
import type { GrantRecipient } from "../grant";

/**
 * The grant rows of one order: one per entitlement of its product, with a snapshot of what is
 * granted. `order` and `recipient` are SQL over a row source the caller puts in `from` (the
 * entitlements are `e`). A recipient without a GitHub account yet waits for one.
 */
function grantRows(
  from: SQL,
  order: { id: SQL; productId: SQL },
  recipient: { id: SQL; githubLogin: SQL; githubUserId: SQL },
  now: Date,
): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  const ready = sql`(${recipient.githubLogin} is not null or ${recipient.githubUserId} is not null)`;
  return sql`
    insert into ${grants} (order_id, entitlement_id, buyer_id, status, kind, owner, repo,
      permission, org, team_slug, team_role, github_login, github_user_id, queued_at,
      next_attempt_at, created_at, updated_at)
    select ${order.id}, e.id, ${recipient.id}, 
      case when ${ready} then 'queued' else 'waiting_for_github' end,
      e.kind, e.owner, e.repo, e.permission, e.org, e.team_slug, e.team_role,
      ${recipient.githubLogin}, ${recipient.githubUserId},
      case when ${ready} then ${at} end, case when ${ready} then ${at} end, ${at}, ${at}
    from ${from} join ${entitlements} e on e.product_id = ${order.productId}
    order by e.position
    on conflict do nothing
    returning id, status`;
}

/**
 * One grant per entitlement of the order's product, each with its `created` event. Unique
 * (order_id, entitlement_id) makes a repeated call create nothing.
 */
export async function createGrants(
  db: Database,
  order: { id: string; productId: string },
  recipient: GrantRecipient | undefined,
  now: Date,
): Promise<number[]> {
  const insert = grantRows(
    sql`(select 1) as one`,
    { id: sql`${order.id}`, productId: sql`${order.productId}::uuid` },
    {
      id: sql`${recipient?.id ?? null}::uuid`,
      githubLogin: sql`${recipient?.githubLogin ?? null}::text`,
      githubUserId: sql`${recipient?.githubUserId ?? null}::bigint`,
    },
    now,
  );
  const created = await writeWithEvents(db, { getSQL: () => insert }, createdEvent(now));
  return created.sort((a, b) => a - b);
}

const createdEvent = (now: Date) => ({
  kind: "created",
  at: now,
  detail: sql`jsonb_build_object('status', changed.status)`,
});

/**
 * The same grants and events as createGrants, as two CTEs (`granted`, `granted_events`) for a
 * caller that writes the order in the same statement: `order` names a CTE with `id` and
 * `product_id`, `recipient` one with the buyer's `id`, `github_login`, `github_user_id` (or no
 * row). `granted` returns the new grants' `id`.
 */
export function createGrantsCtes(order: SQL, recipient: SQL, now: Date): SQL {
  const event = createdEvent(now);
  const insert = grantRows(
    sql`${order} o left join ${recipient} r on true`,
    { id: sql`o.id`, productId: sql`o.product_id` },
    { id: sql`r.id`, githubLogin: sql`r.github_login`, githubUserId: sql`r.github_user_id` },
    now,
  );
  return sql`granted as (${insert}),
    granted_events as (
      insert into grant_events (grant_id, at, kind, detail)
      select changed.id, ${event.at.toISOString()}::timestamptz, ${event.kind}, ${event.detail}
      from granted changed
      returning grant_id)`;
}
