import { sql } from "drizzle-orm";
import { rowsOf } from "../db/rows";
import { newOrderId } from "../db/schema";
import type { Database } from "../db/types";
import type { BuyerIdentity } from "./find-or-create-buyer";
import type { OrderData } from "./order-event";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface InsertedPaidOrder {
  order: { id: string; productId: string };
  /** The buyer already on file for the order's reference; undefined when there is none yet. */
  buyer: BuyerIdentity | undefined;
}

/**
 * The common webhook case in ONE statement: a new order, named by its external id, for a product
 * named by slug (or id) and a buyer we may already know by GitHub login or email, inserted
 * already paid. Undefined when the statement inserted nothing — no such product, an order with
 * that external id exists, or a buyer named another way — and the caller takes the general path,
 * which says why or pays the existing order.
 */
export async function insertPaidOrder(
  db: Database,
  data: OrderData,
  source: string,
  now: Date,
): Promise<InsertedPaidOrder | undefined> {
  const ref = data.buyer;
  if (data.orderId || !data.externalId || !data.product || !ref) return undefined;
  if (!("githubLogin" in ref) && !("email" in ref)) return undefined;
  const product = UUID.test(data.product)
    ? sql`p.id = ${data.product} or p.slug = ${data.product}`
    : sql`p.slug = ${data.product}`;
  const buyerMatch =
    "githubLogin" in ref
      ? sql`lower(b.github_login) = lower(${ref.githubLogin})`
      : sql`lower(b.email) = lower(${ref.email})`;
  const at = now.toISOString();
  const [row] = rowsOf<{
    id: string;
    product_id: string;
    buyer_id: string | null;
    github_login: string | null;
    github_user_id: string | number | null;
    email: string | null;
  }>(
    await db.execute(sql`
      with known as (
        -- as findOrCreateBuyer: a buyer whose GitHub account we know beats a placeholder
        select b.id, b.github_login, b.github_user_id, b.email from buyers b
        where ${buyerMatch}
        order by b.github_user_id is null, b.updated_at desc
        limit 1
      ), inserted as (
        insert into orders (id, product_id, source, external_id, status, amount, currency,
                            created_at, paid_at, buyer_id, buyer_email)
        select ${newOrderId()}, p.id, ${source}, ${data.externalId}, 'paid', ${data.amount ?? null}::int,
               ${data.currency?.toUpperCase() ?? null}::text, ${at}::timestamptz,
               ${at}::timestamptz, known.id, known.email
        from products p left join known on true
        where ${product}
        limit 1
        on conflict do nothing
        returning id, product_id, buyer_id
      )
      select inserted.id, inserted.product_id, inserted.buyer_id,
             known.github_login, known.github_user_id, known.email
      from inserted left join known on known.id = inserted.buyer_id`),
  );
  if (!row) return undefined;
  return {
    order: { id: row.id, productId: row.product_id },
    buyer: row.buyer_id
      ? {
          id: row.buyer_id,
          githubLogin: row.github_login,
          githubUserId: row.github_user_id === null ? null : Number(row.github_user_id),
          email: row.email,
        }
      : undefined,
  };
}
