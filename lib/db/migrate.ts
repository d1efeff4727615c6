import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import postgres from "postgres";

export const migrationsFolder = path.join(process.cwd(), "drizzle");

// Any fixed 64-bit key works; it only has to be the same for every Repogrant instance.
const MIGRATION_LOCK_KEY = 7_245_310_981;

export async function migratePgliteDatabase(db: PgliteDatabase<Record<string, unknown>>) {
  await migratePglite(db, { migrationsFolder });
}

/**
 * Several instances may start together against one PostgreSQL; a session advisory lock on a
 * dedicated single connection makes them migrate one after another, so the work happens once.
 */
export async function migratePostgresDatabase(url: string) {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const db = drizzlePostgres(client);
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await migratePostgres(db, { migrationsFolder });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
