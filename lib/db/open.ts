import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { registerPreparedRunner } from "./execute-prepared";
import { migratePgliteDatabase, migratePostgresDatabase } from "./migrate";
import { acquireDataDirLock } from "./pglite-lock";
import { startPgliteThread } from "./pglite-thread";
import * as schema from "./schema";
import type { Database, DatabaseHandle } from "./types";

/**
 * Opens (and migrates) PGlite in `dataDir`, or in memory when no directory is given, on a thread
 * of its own (pglite-thread.ts).
 */
export async function openPglite(dataDir?: string): Promise<DatabaseHandle> {
  let releaseLock = () => {};
  if (dataDir) {
    mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
    releaseLock = acquireDataDirLock(dataDir);
  }
  try {
    const client = await startPgliteThread(dataDir ? path.resolve(dataDir) : undefined);
    // Drizzle's PGlite driver uses only `query` and `transaction`, which the thread provides.
    const db = drizzlePglite({ client: client as unknown as PGlite, schema });
    try {
      await migratePgliteDatabase(db);
    } catch (error) {
      await client.close();
      throw error;
    }
    registerPreparedRunner(db, (text, params) => client.prepared(text, params));
    return {
      db: db as unknown as Database,
      kind: "pglite",
      close: async () => {
        await client.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * Bounds on every statement of the app's connections (migrations use their own, unbounded one).
 * A sender gives up after 15–30 s and retries, so a statement stuck behind a lock or a slow
 * database fails well before that, leaving nothing half done (each change is one transaction);
 * a lock wait fails sooner still, so even a refused delivery's log line never waits long.
 */
export const POSTGRES_TIMEOUTS = {
  connectSeconds: 10,
  statementMs: 10_000,
  lockMs: 3_000,
  idleInTransactionMs: 30_000,
};

/** Connections for prepared statements (one paid order each, ~1 ms): enough for a burst. */
const PREPARED_POOL_SIZE = 4;

export async function openPostgres(
  url: string,
  options: { max?: number; timeouts?: Partial<typeof POSTGRES_TIMEOUTS> } = {},
): Promise<DatabaseHandle> {
  await migratePostgresDatabase(url);
  const timeouts = { ...POSTGRES_TIMEOUTS, ...options.timeouts };
  const settings = {
    onnotice: () => {},
    connect_timeout: timeouts.connectSeconds,
    // Sent as startup parameters, so every pooled connection has them from its first query.
    connection: {
      statement_timeout: timeouts.statementMs,
      lock_timeout: timeouts.lockMs,
      idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    },
  };
  const client = postgres(url, { ...settings, max: options.max ?? 10 });
  // Prepared statements get a pool of their own: postgres.js pipelines further queries onto a
  // connection running a prepared statement, and a transaction's BEGIN pipelined there fails
  // (UNSAFE_TRANSACTION). This pool never runs a transaction, so nothing can land behind one.
  const prepared = postgres(url, { ...settings, max: PREPARED_POOL_SIZE });
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  registerPreparedRunner(db, (text, params) =>
    prepared.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true }),
  );
  return {
    db,
    kind: "postgres",
    close: async () => {
      await Promise.all([client.end({ timeout: 5 }), prepared.end({ timeout: 5 })]);
    },
  };
}
