import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Database } from "./types";

/** Runs one statement, by its text and parameters, as a named prepared statement. */
export type PreparedRunner = (text: string, params: unknown[]) => Promise<unknown>;

const dialect = new PgDialect();
// Kept on the handle under a global symbol, not in a module-level map: Next bundles this
// module once per layer, and the layer that opens the database is not always the one using it.
const RUNNER = Symbol.for("repogrant.preparedRunner");
type WithRunner = Database & { [RUNNER]?: PreparedRunner };

/** Called by the opener of a database that can run statements prepared (see open.ts). */
export function registerPreparedRunner(db: Database, runner: PreparedRunner): void {
  (db as WithRunner)[RUNNER] = runner;
}

/**
 * Runs a statement the app sends again and again with other values (a paid order's) prepared,
 * so the database plans it once per connection instead of on every call: planning the
 * seven-CTE paid order was most of PostgreSQL's CPU per order (bench/RESULTS.md). A handle
 * without a runner (a transaction, or a database opened without one) runs it as `db.execute`.
 */
export function executePrepared(db: Database, statement: SQL): Promise<unknown> {
  const runner = (db as WithRunner)[RUNNER];
  if (!runner) return db.execute(statement);
  const query = dialect.sqlToQuery(statement);
  return runner(query.sql, query.params);
}
