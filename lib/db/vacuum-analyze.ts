import { sql } from "drizzle-orm";
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
