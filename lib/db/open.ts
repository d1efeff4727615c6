import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { migratePgliteDatabase, migratePostgresDatabase } from "./migrate";
import { acquireDataDirLock } from "./pglite-lock";
import * as schema from "./schema";
import type { Database, DatabaseHandle } from "./types";

/** Opens (and migrates) PGlite in `dataDir`, or in memory when no directory is given. */
export async function openPglite(dataDir?: string): Promise<DatabaseHandle> {
  let releaseLock = () => {};
  if (dataDir) {
    mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
    releaseLock = acquireDataDirLock(dataDir);
  }
  try {
    const client = await PGlite.create(dataDir ? path.resolve(dataDir) : undefined);
    const db = drizzlePglite(client, { schema });
    await migratePgliteDatabase(db);
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

export async function openPostgres(
  url: string,
  options: { max?: number } = {},
): Promise<DatabaseHandle> {
  await migratePostgresDatabase(url);
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema });
  return {
    db: db as unknown as Database,
    kind: "postgres",
    close: () => client.end({ timeout: 5 }),
  };
}
