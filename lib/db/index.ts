import "server-only";
import { getConfig } from "../config";
import { openPglite, openPostgres } from "./open";
import type { DatabaseHandle } from "./types";

export type { Database, DatabaseHandle, DatabaseKind } from "./types";

// Next bundles this module separately for route handlers, pages and instrumentation, so a
// module-level variable would open the database once per layer: keep it on globalThis.
const holder = globalThis as unknown as { __repograntDatabase?: Promise<DatabaseHandle> };

export function getDatabase(): Promise<DatabaseHandle> {
  if (!holder.__repograntDatabase) {
    const { databaseUrl, pgliteDir } = getConfig();
    const opening = databaseUrl ? openPostgres(databaseUrl) : openPglite(pgliteDir);
    holder.__repograntDatabase = opening;
    // A failed open must not be remembered, or every later request would fail the same way.
    opening.catch(() => {
      if (holder.__repograntDatabase === opening) holder.__repograntDatabase = undefined;
    });
  }
  return holder.__repograntDatabase;
}

export async function getDb() {
  return (await getDatabase()).db;
}

export async function closeDatabase(): Promise<void> {
  const opening = holder.__repograntDatabase;
  holder.__repograntDatabase = undefined;
  if (opening) await (await opening).close();
}
