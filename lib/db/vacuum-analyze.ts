import { sql } from "drizzle-orm";
import { rowsOf } from "./rows";
import type { Database } from "./types";

/**
 * PGlite runs PostgreSQL in single-user mode: there is no autovacuum, so left alone its tables
 * are never vacuumed or analyzed. Without vacuum the visibility map stays empty and every count
 * of the orders table (the dashboard's "8,228 orders" for a month) must read each matching row
 * from the table instead of the index; without analyze the planner keeps the sizes it saw when
 * the tables were empty. The server runs this on an interval, doing what autovacuum does on
 * PostgreSQL.
 */
export async function vacuumAnalyze(db: Database): Promise<void> {
  await db.execute(sql`vacuum (analyze)`);
}

/** Pages a table may grow by, past a tenth of its size, before its statistics count as stale. */
const GROWTH_PAGES = 16;

/**
 * Autovacuum's other half, for the time between the hourly runs: a table that has grown by a
 * tenth since it was last analyzed (or was never analyzed and is no longer tiny) is analyzed
 * now. A new shop's first burst of orders otherwise leaves the planner thinking the queue is
 * empty: claiming due grants then sorted all 30,000 of them, 60 ms per claim on PGlite's one
 * connection, ahead of every paying request. Growth is read from each table's file size
 * against the page count its last analysis recorded, since PGlite keeps no activity
 * statistics. One table per call, the most grown, so each pause stays short (~50–120 ms at
 * 30,000 rows). Returns the table analyzed, if any.
 */
export async function analyzeGrownTable(db: Database): Promise<string | null> {
  const [grown] = rowsOf<{ name: string }>(
    await db.execute(sql`
      select c.relname as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      cross join lateral (
        select pg_relation_size(c.oid) / current_setting('block_size')::int as pages) now
      where n.nspname = 'public' and c.relkind = 'r'
        and now.pages > c.relpages * 1.1 + ${GROWTH_PAGES}
      order by now.pages - c.relpages desc
      limit 1`),
  );
  if (!grown) return null;
  await db.execute(sql`analyze ${sql.identifier(grown.name)}`);
  return grown.name;
}
