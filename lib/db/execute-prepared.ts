import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Database } from "./types";

const dialect = new PgDialect();

type PostgresJs = {
  unsafe(query: string, params: unknown[], options: { prepare: boolean }): Promise<unknown>;
};

function postgresJsClient(db: Database): PostgresJs | undefined {
  const client = (db as { $client?: unknown }).$client;
  return typeof client === "function" && "unsafe" in client ? (client as PostgresJs) : undefined;
}

/**
 * Runs a statement the app sends again and again with other values (a paid order's) as a named
 * prepared statement on PostgreSQL: the server then plans it once per connection instead of on
 * every call, and planning was most of PostgreSQL's CPU per order (bench/RESULTS.md). PGlite,
 * and a handle without its own client (a transaction), run it as `db.execute` does.
 */
export function executePrepared(db: Database, statement: SQL): Promise<unknown> {
  const client = postgresJsClient(db);
  if (!client) return db.execute(statement);
  const query = dialect.sqlToQuery(statement);
  return client.unsafe(query.sql, query.params, { prepare: true });
}
