// `npm run bench` (second part): the merchant's orders table at 100,000 orders and 150,000
// grants. p95 of the orders query for the first page, a later page, each sort, each filter
// and each kind of search (target ≤ 50 ms), the page's server-side work (≤ 300 ms), and the
// plan of every query, to show each is an index scan. PGlite always; PostgreSQL with
// TEST_DATABASE_URL.
import { performance } from "node:perf_hooks";
import { sql, type SQLWrapper } from "drizzle-orm";
import { rowsOf } from "../lib/db/rows";
import { openPglite, openPostgres } from "../lib/db/open";
import { createThrowawayPostgres } from "../test/support/throwaway-postgres";
import type { Database, DatabaseHandle } from "../lib/db/types";
import { statusLabel } from "../lib/grants/status-label";
import {
  countCapped,
  listOrders,
  orderFilterCondition,
  ordersPageQuery,
} from "../lib/orders/list-orders";
import { orderListFilterSchema, type OrderListFilterInput } from "../lib/orders/order-list-filter";
import { listProductChoices } from "../lib/products/list-products";
import { SCALE, seedShop } from "./seed-shop";

const RUNS = 30;
const WARMUP = 3;
const NOW = new Date("2026-11-29T12:00:00Z");

function p95(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length * 0.95) - 1]!;
}

async function timed(run: () => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return p95(samples);
}

/** The plan's node types, e.g. "Limit > Nested Loop > Index Scan (orders_paid_at_desc_idx)". */
async function planOf(db: Database, input: OrderListFilterInput) {
  const filter = orderListFilterSchema.parse(input);
  const where = await orderFilterCondition(db, filter);
  const page = await scansOf(db, ordersPageQuery(db, filter, where));
  const count = await scansOf(db, countCapped(db, where));
  return `page: ${page}; count: ${count}`;
}

/**
 * How a query reads orders, from EXPLAIN ANALYZE: each scan with the rows it returned and, for
 * index-only scans, how many rows still had to be checked in the table (heap fetches).
 */
async function scansOf(db: Database, query: SQLWrapper) {
  const [row] = rowsOf<{ "QUERY PLAN": unknown }>(
    await db.execute(sql`explain (analyze, format json) ${query}`),
  );
  const raw = row!["QUERY PLAN"];
  const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as [{ Plan: PlanNode }];
  const scans: string[] = [];
  const walk = (node: PlanNode) => {
    if (node["Relation Name"] === "orders") {
      const how = node["Index Name"]
        ? `${node["Node Type"]} on ${node["Index Name"]}`
        : node["Node Type"];
      const heap =
        node["Heap Fetches"] === undefined ? "" : `, ${node["Heap Fetches"]} heap fetches`;
      scans.push(`${how} (${node["Actual Rows"]} rows${heap})`);
    }
    node.Plans?.forEach(walk);
  };
  walk(plan[0].Plan);
  return scans.join(" + ") || "(orders not scanned directly)";
}
type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Heap Fetches"?: number;
  Plans?: PlanNode[];
};

async function measure(name: string, handle: DatabaseHandle) {
  const { db } = handle;
  const seedStart = performance.now();
  await seedShop(db, NOW);
  const seeded = ((performance.now() - seedStart) / 1000).toFixed(1);
  const [product] = await listProductChoices(db);
  const cases: [string, OrderListFilterInput][] = [
    ["first page (newest first)", {}],
    ["page 200 (offset 4,975)", { page: "200" }],
    ["sort: oldest first", { sort: "created", dir: "asc" }],
    ["sort: paid, newest first", { sort: "paid", dir: "desc" }],
    ["sort: paid, oldest first", { sort: "paid", dir: "asc" }],
    ["sort: amount, largest first", { sort: "amount", dir: "desc" }],
    ["sort: amount, smallest first", { sort: "amount", dir: "asc" }],
    ["filter: status refunded", { status: "refunded" }],
    ["filter: one product", { product: product!.id }],
    ["filter: one month", { from: "2026-06-01", to: "2026-06-30" }],
    [
      "filter: status + product + month",
      { status: "paid", product: product!.id, from: "2026-06-01", to: "2026-06-30" },
    ],
    ["search: GitHub login", { q: "@buyer-04242" }],
    ["search: email", { q: "buyer4242@example.test" }],
    ["search: order id", { q: "bench-order-4242" }],
    ["search: external id", { q: "ext-4242" }],
  ];
  console.log(
    `\n${name}: ${SCALE.orders.toLocaleString("en-US")} orders, ${SCALE.grants.toLocaleString("en-US")} grants seeded in ${seeded} s`,
  );
  console.log(`  ${"orders query".padEnd(36)} ${"p95".padStart(9)}  plan (how orders is read)`);
  let worst = 0;
  for (const [label, input] of cases) {
    const filter = orderListFilterSchema.parse(input);
    const ms = await timed(() => listOrders(db, filter));
    worst = Math.max(worst, ms);
    console.log(
      `  ${label.padEnd(36)} ${`${ms.toFixed(1)} ms`.padStart(9)}  ${await planOf(db, input)}`,
    );
  }
  // Everything the orders page does on the server before rendering: its lib calls and words.
  const page = await timed(async () => {
    const filter = orderListFilterSchema.parse({});
    const [list] = await Promise.all([listOrders(db, filter), listProductChoices(db)]);
    list.rows.forEach((row) => row.grantStatuses.map((status) => statusLabel(status)));
  });
  console.log(
    `  worst query p95 ${worst.toFixed(1)} ms (target ≤ 50 ms); orders page data p95 ${page.toFixed(1)} ms (target ≤ 300 ms)`,
  );
  return { worst, page };
}

const pglite = await openPglite();
try {
  await measure("PGlite", pglite);
} finally {
  await pglite.close();
}

const url = process.env.TEST_DATABASE_URL;
if (url) {
  const throwaway = await createThrowawayPostgres(url);
  const postgres = await openPostgres(throwaway.url);
  try {
    await measure("PostgreSQL", postgres);
  } finally {
    await postgres.close();
    await throwaway.drop();
  }
} else {
  console.log("\nPostgreSQL skipped: set TEST_DATABASE_URL to measure it too.");
}
