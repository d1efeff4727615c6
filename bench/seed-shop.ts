// A shop at scale for the dashboard bench: 20 products (half sell a repository and a team),
// 20,000 buyers, 100,000 orders over a year and 150,000 grants — seeded with set-based SQL so
// seeding takes seconds, then vacuumed and analyzed as a live database would be.
import { sql } from "drizzle-orm";
import { vacuumAnalyze } from "../lib/db/vacuum-analyze";
import type { Database } from "../lib/db/types";

export const SCALE = { products: 20, buyers: 20_000, orders: 100_000, grants: 150_000 };

export async function seedShop(db: Database, now: Date) {
  await db.execute(sql`
    insert into products (slug, name, price_cents, currency, active)
    select 'product-' || n, 'Product ' || n, 1000 * n, 'USD', true
    from generate_series(1, ${SCALE.products}) n`);
  await db.execute(sql`
    insert into entitlements (product_id, kind, owner, repo, permission, position)
    select id, 'github_repo', 'acme', 'repo-' || substr(slug, 9), 'pull', 0 from products`);
  await db.execute(sql`
    insert into entitlements (product_id, kind, org, team_slug, team_role, position)
    select id, 'github_team', 'acme', 'team-' || substr(slug, 9), 'member', 1 from products
    where substr(slug, 9)::int % 2 = 0`);
  await db.execute(sql`
    insert into buyers (github_user_id, github_login, email)
    select 9000000 + n, 'buyer-' || lpad(n::text, 5, '0'), 'buyer' || n || '@example.test'
    from generate_series(1, ${SCALE.buyers}) n`);
  // Statuses 80% paid, 8% pending, 8% refunded, 4% canceled; one order every ~5 minutes.
  await db.execute(sql`
    with numbered_products as (select id, row_number() over (order by slug) as k from products),
         numbered_buyers as (select id, row_number() over (order by github_login) as k from buyers)
    insert into orders (id, product_id, buyer_id, status, source, external_id, amount, currency,
                        created_at, paid_at, refunded_at)
    select 'bench-order-' || n, p.id, b.id,
           case when n % 25 < 20 then 'paid' when n % 25 < 22 then 'pending'
                when n % 25 < 24 then 'refunded' else 'canceled' end,
           'orders', 'ext-' || n, (n * 37) % 10000,  'USD',
           ${now.toISOString()}::timestamptz - (n * interval '315 seconds'),
           case when n % 25 < 22 and n % 25 >= 20 then null
                else ${now.toISOString()}::timestamptz - (n * interval '315 seconds') + interval '1 minute' end,
           case when n % 25 in (22, 23) then ${now.toISOString()}::timestamptz - (n * interval '300 seconds') end
    from generate_series(1, ${SCALE.orders}) n
    join numbered_products p on p.k = 1 + n % ${SCALE.products}
    join numbered_buyers b on b.k = 1 + n % ${SCALE.buyers}`);
  await db.execute(sql`
    insert into grants (order_id, entitlement_id, buyer_id, status, kind, owner, repo, permission,
                        org, team_slug, team_role, github_login, created_at, updated_at)
    select o.id, e.id, o.buyer_id,
           case o.status when 'refunded' then 'revoked' when 'canceled' then 'revoked'
                else (array['active','active','active','invited','queued','failed'])[1 + (abs(hashtext(o.id)) % 6)] end,
           e.kind, e.owner, e.repo, e.permission, e.org, e.team_slug, e.team_role,
           b.github_login, o.created_at, o.created_at
    from orders o join entitlements e on e.product_id = o.product_id
    join buyers b on b.id = o.buyer_id
    where o.status <> 'pending'
    order by o.created_at desc
    limit ${SCALE.grants}`);
  // A freshly loaded table has an empty visibility map, so every count reads the table's rows
  // (the one-month filter's count read 680 pages for 8,228 rows). A live database does not
  // stay that way: autovacuum (PostgreSQL) or the server's maintenance (PGlite) vacuums it.
  await vacuumAnalyze(db);
}
