import { sql } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import { analyzeGrownTable, vacuumAnalyze } from "./vacuum-analyze";
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

async function addOrders(handle: DatabaseHandle, from: number, to: number) {
  await handle.db.execute(sql`
    insert into orders (id, product_id, status, source)
    select 'o-' || n, '00000000-0000-4000-8000-000000000001', 'paid', 'orders'
    from generate_series(${from}::int, ${to}::int) n`);
}

it("analyzeGrownTable analyzes a table once it grew by a tenth, so plans follow a burst of orders", async () => {
  handle = await openPglite();
  await handle.db.execute(sql`
    insert into products (id, slug, name) values ('00000000-0000-4000-8000-000000000001', 'p', 'P')`);
  await addOrders(handle, 1, 5000);
  expect((await ordersTableStats(handle)).tuples).toBeLessThan(0); // never analyzed

  expect(await analyzeGrownTable(handle.db)).toBe("orders");
  expect((await ordersTableStats(handle)).tuples).toBe(5000);
  expect(await analyzeGrownTable(handle.db)).toBeNull();

  await addOrders(handle, 5001, 5100); // 2 %: the statistics still hold
  expect(await analyzeGrownTable(handle.db)).toBeNull();
  await addOrders(handle, 5101, 8000);
  expect(await analyzeGrownTable(handle.db)).toBe("orders");
  expect((await ordersTableStats(handle)).tuples).toBe(8000);
});
