import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { describeDbError } from "./describe-db-error";
import { migrationsFolder } from "./migrate";
import { rowsOf } from "./rows";
import type { DatabaseHandle, DatabaseKind } from "./types";

export type DatabaseHealth =
  | { ok: true; database: DatabaseKind; migrations: "current" }
  | { ok: false; database: DatabaseKind; error: string; pendingMigrations?: number };

/** The database answers, and every migration shipped in drizzle/ is recorded as applied. */
export async function checkDatabaseHealth(handle: DatabaseHandle): Promise<DatabaseHealth> {
  const database = handle.kind;
  let applied: Set<string>;
  try {
    const rows = await handle.db.execute<{ hash: string }>(
      sql`select hash from drizzle.__drizzle_migrations`,
    );
    applied = new Set(rowsOf<{ hash: string }>(rows).map((row) => row.hash));
  } catch (error) {
    return { ok: false, database, error: `database did not answer: ${describeDbError(error)}` };
  }
  const pending = readMigrationFiles({ migrationsFolder }).filter((m) => !applied.has(m.hash));
  if (pending.length > 0) {
    return {
      ok: false,
      database,
      error: `${pending.length} migration(s) in drizzle/ are not applied`,
      pendingMigrations: pending.length,
    };
  }
  return { ok: true, database, migrations: "current" };
}

/** Like checkDatabaseHealth, but a database that cannot even be opened is reported, not thrown. */
export async function checkHealthOf(
  open: () => Promise<DatabaseHandle>,
  kind: DatabaseKind,
): Promise<DatabaseHealth> {
  let handle: DatabaseHandle;
  try {
    handle = await open();
  } catch (error) {
    return {
      ok: false,
      database: kind,
      error: `database could not be opened: ${describeDbError(error)}`,
    };
  }
  return checkDatabaseHealth(handle);
}
