import { sql } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import { vacuumAnalyze } from "./vacuum-analyze";
import { openPglite } from "./open";
import { rowsOf } from "./rows";
import type { DatabaseHandle } from "./types";

let handle: DatabaseHandle | undefined;
afterEach(async () => {
  await handle?.close();
  handle = undefined;
});

async function ordersTableStats(handle: DatabaseHandle) {
  const [row] = rowsOf<{ pages: number; visible: number; tuples: number }>(
    await handle.db.execute(sql`
      select relpages as pages, relallvisible as visible, reltuples::int as tuples
      from pg_class where relname = 'orders'`),
  );
  return row!;
}

it("after vacuumAnalyze the orders count is answered from the index alone and the planner knows the table's size", async () => {
  handle = await openPglite();
  await handle.db.execute(sql`
    insert into products (id, slug, name) values ('00000000-0000-4000-8000-000000000001', 'p', 'P')`);
  await handle.db.execute(sql`
    insert into orders (id, product_id, status, source, created_at)
    select 'o-' || n, '00000000-0000-4000-8000-000000000001', 'paid', 'orders',
           '2026-11-29T00:00:00Z'::timestamptz - n * interval '5 minutes'
    from generate_series(1, 5000) n`);
  const before = await ordersTableStats(handle);
  expect(before.visible).toBe(0);

  await vacuumAnalyze(handle.db);

  const after = await ordersTableStats(handle);
  expect(after.tuples).toBe(5000);
  expect(after.visible).toBe(after.pages);
  const plan = rowsOf<{ "QUERY PLAN": string }>(
    await handle.db.execute(sql`
      explain (analyze, costs off, timing off, summary off)
      select count(*) from (
        select 1 from orders
        where created_at >= '2026-11-20T00:00:00Z' and created_at < '2026-11-27T00:00:00Z'
        limit 10001) c`),
  ).map((row) => row["QUERY PLAN"]);
  expect(plan.join("\n")).toMatch(/Index Only Scan using orders_created_at_idx/);
  expect(plan.join("\n")).toMatch(/Heap Fetches: 0/);
});
