import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { describeDbError } from "./describe-db-error";
import { migrationsFolder } from "./migrate";
import { rowsOf } from "./rows";
import type { DatabaseHandle, DatabaseKind } from "./types";

export type DatabaseHealth =
  | { ok: true; database: DatabaseKind; migrations: "current" }
  | { ok: false; database: DatabaseKind; error: string; pendingMigrations?: number };

// A load balancer waits a few seconds at most; a database slower than this is not serving.
export const HEALTH_TIMEOUT_MS = 3_000;

/**
 * The database answers within `timeoutMs`, its order tables can be written (no lock held on
 * them), and every migration shipped in drizzle/ is recorded as applied.
 */
export async function checkDatabaseHealth(
  handle: DatabaseHandle,
  timeoutMs = HEALTH_TIMEOUT_MS,
): Promise<DatabaseHealth> {
  const database = handle.kind;
  let applied: Set<string>;
  let timer: NodeJS.Timeout | undefined;
  const tooSlow = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${timeoutMs} ms (slow or locked)`)),
      timeoutMs,
    );
  });
  try {
    const rows = await Promise.race([readAppliedMigrations(handle, timeoutMs), tooSlow]);
    applied = new Set(rows.map((row) => row.hash));
  } catch (error) {
    return { ok: false, database, error: `database did not answer: ${describeDbError(error)}` };
  } finally {
    clearTimeout(timer);
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

/**
 * Reads the applied migrations. On PostgreSQL it first takes the lock every order write takes
 * (ROW EXCLUSIVE), bounded by the server-side timeouts, so a table locked against writes shows
 * here instead of as webhooks that hang. PGlite has one connection: a stuck transaction there
 * shows as the race above running out.
 */
async function readAppliedMigrations(handle: DatabaseHandle, timeoutMs: number) {
  return handle.db.transaction(async (tx) => {
    if (handle.kind === "postgres") {
      await tx.execute(sql.raw(`set local lock_timeout = ${Math.floor(timeoutMs / 2)}`));
      await tx.execute(sql.raw(`set local statement_timeout = ${timeoutMs}`));
      await tx.execute(
        sql`lock table orders, grants, webhook_deliveries, webhook_rejections in row exclusive mode`,
      );
    }
    return rowsOf<{ hash: string }>(
      await tx.execute(sql`select hash from drizzle.__drizzle_migrations`),
    );
  });
}
