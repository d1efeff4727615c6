import { sql } from "drizzle-orm";
import { executePrepared } from "../db/execute-prepared";
import { rowsOf } from "../db/rows";
import { newOrderId } from "../db/schema";
import type { Database } from "../db/types";
import { createGrantsCtes } from "../grants";
import type { BuyerIdentity } from "./find-or-create-buyer";
import type { OrderData } from "./order-event";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNIQUE_VIOLATION = "23505";

export interface InsertedPaidOrder {
  orderId: string;
  buyer: BuyerIdentity;
  grantIds: number[];
}

/**
 * The common webhook case in ONE statement, so in one round trip and atomic without a
 * transaction: a new order named by its external id, for a product named by slug (or id),
 * for a buyer named by GitHub login or email (found, or recorded as a placeholder), inserted
 * already paid, with its grants, their events and the delivery id.
 *
 * Undefined when the statement wrote nothing: no such product, the delivery id or the external
 * id seen before, a buyer named another way, or a concurrent delivery that won a unique key.
 * The caller then takes the general path, in a transaction, which says why or pays the
 * existing order. Only a lost race can leave the placeholder buyer behind, which that path
 * would record anyway.
 */
export async function insertPaidOrder(
  db: Database,
  input: { source: string; deliveryId: string; data: OrderData; now: Date },
): Promise<InsertedPaidOrder | undefined> {
  const { source, deliveryId, data, now } = input;
  const ref = data.buyer;
  if (data.orderId || !data.externalId || !data.product || !ref) return undefined;
  if (!("githubLogin" in ref) && !("email" in ref)) return undefined;
  const product = UUID.test(data.product)
    ? sql`(p.id = ${data.product} or p.slug = ${data.product})`
    : sql`p.slug = ${data.product}`;
  // As findOrCreateBuyer: a buyer whose GitHub account we know beats a placeholder, and a
  // placeholder is upserted on its unique key so concurrent orders make one row.
  const buyer =
    "githubLogin" in ref
      ? {
          match: sql`lower(b.github_login) = lower(${ref.githubLogin})`,
          placeholder: sql`insert into buyers (github_login) select ${ref.githubLogin}::text
            from fresh where not exists (select 1 from known)
            on conflict (lower(github_login)) where github_user_id is null and logto_user_id is null
            do update set updated_at = now()`,
        }
      : {
          match: sql`lower(b.email) = lower(${ref.email})`,
          placeholder: sql`insert into buyers (email) select ${ref.email}::text
            from fresh where not exists (select 1 from known)
            on conflict (lower(email)) where github_user_id is null and logto_user_id is null and github_login is null
            do update set updated_at = now()`,
        };
  const at = sql`${now.toISOString()}::timestamptz`;
  const statement = sql`
    with fresh as (
      select p.id as product_id from products p
      where ${product}
        and not exists (select 1 from webhook_deliveries d
                        where d.source = ${source} and d.delivery_id = ${deliveryId})
        and not exists (select 1 from orders o
                        where o.source = ${source} and o.external_id = ${data.externalId})
      limit 1
    ), known as (
      select b.id, b.github_login, b.github_user_id, b.email from buyers b
      where ${buyer.match}
      order by b.github_user_id is null, b.updated_at desc
      limit 1
    ), placeholder as (
      ${buyer.placeholder}
      returning id, github_login, github_user_id, email
    ), buyer as (
      select * from known union all select * from placeholder
    ), inserted as (
      insert into orders (id, product_id, source, external_id, status, amount, currency,
                          created_at, paid_at, buyer_id, buyer_email)
      select ${newOrderId()}, fresh.product_id, ${source}, ${data.externalId}, 'paid',
             ${data.amount ?? null}::int, ${data.currency?.toUpperCase() ?? null}::text,
             ${at}, ${at}, buyer.id, buyer.email
      from fresh join buyer on true
      on conflict do nothing
      returning id, product_id
    ), delivered as (
      -- no "on conflict": a delivery id taken concurrently fails the whole statement
      insert into webhook_deliveries (source, delivery_id, received_at, type)
      select ${source}, ${deliveryId}, ${at}, 'order.paid' from inserted
    ), ${createGrantsCtes(sql`inserted`, sql`buyer`, now)}
    select inserted.id, buyer.id as buyer_id, buyer.github_login, buyer.github_user_id,
           buyer.email, coalesce((select array_agg(id order by id) from granted), '{}') as grant_ids
    from inserted join buyer on true`;
  let result;
  try {
    result = await executePrepared(db, statement);
  } catch (error) {
    if (codeOf(error) === UNIQUE_VIOLATION) return undefined;
    throw error;
  }
  const [row] = rowsOf<{
    id: string;
    buyer_id: string;
    github_login: string | null;
    github_user_id: string | number | null;
    email: string | null;
    grant_ids: (string | number)[];
  }>(result);
  if (!row) return undefined;
  return {
    orderId: row.id,
    buyer: {
      id: row.buyer_id,
      githubLogin: row.github_login,
      githubUserId: row.github_user_id === null ? null : Number(row.github_user_id),
      email: row.email,
    },
    grantIds: row.grant_ids.map(Number),
  };
}

// Drizzle wraps the driver's error; both drivers put the SQLSTATE in `code`.
function codeOf(error: unknown): unknown {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return (cause as { code?: unknown } | null)?.code;
}
