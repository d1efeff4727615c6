import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe } from "vitest";
import { openPglite, openPostgres } from "../../lib/db/open";
import { createThrowawayPostgres } from "./throwaway-postgres";
import type { Database, DatabaseHandle, DatabaseKind } from "../../lib/db/types";

export interface TestDatabase {
  kind: DatabaseKind;
  /** The open database; valid inside tests (opened in beforeAll). */
  db(): Database;
  handle(): DatabaseHandle;
  /** Only for postgres: the throwaway database's URL, for opening more connections. */
  url(): string | undefined;
}

const postgresUrl = process.env.TEST_DATABASE_URL;
if (!postgresUrl && process.env.CI === "true") {
  throw new Error("TEST_DATABASE_URL is not set: with CI=true the PostgreSQL tests must run.");
}

/**
 * Runs the same suite on in-memory PGlite and, when TEST_DATABASE_URL is set, on a PostgreSQL
 * database created for this file and dropped afterwards. Suite names carry the database so the
 * output shows that both ran.
 */
export function describeEachDatabase(title: string, suite: (database: TestDatabase) => void) {
  describe(`${title} [pglite]`, () => {
    let handle: DatabaseHandle | undefined;
    beforeAll(async () => {
      handle = await openPglite();
    });
    afterAll(async () => {
      await handle?.close();
    });
    suite(
      accessors(
        "pglite",
        () => handle,
        () => undefined,
      ),
    );
  });

  const describePostgres = postgresUrl ? describe : describe.skip;
  describePostgres(
    `${title} [postgres]${postgresUrl ? "" : " (TEST_DATABASE_URL not set)"}`,
    () => {
      let handle: DatabaseHandle | undefined;
      let throwaway: Awaited<ReturnType<typeof createThrowawayPostgres>> | undefined;
      beforeAll(async () => {
        throwaway = await createThrowawayPostgres(postgresUrl!);
        handle = await openPostgres(throwaway.url);
      });
      afterAll(async () => {
        await handle?.close();
        await throwaway?.drop();
      });
      suite(
        accessors(
          "postgres",
          () => handle,
          () => throwaway?.url,
        ),
      );
    },
  );
}

function accessors(
  kind: DatabaseKind,
  current: () => DatabaseHandle | undefined,
  url: () => string | undefined,
): TestDatabase {
  const handle = () => {
    const value = current();
    if (!value) throw new Error(`the ${kind} test database is not open yet`);
    return value;
  };
  return { kind, handle, db: () => handle().db, url };
}

/** Empties every table, for suites whose tests must not see each other's rows. */
export async function truncateAll(db: Database): Promise<void> {
  await db.execute(
    sql`truncate products, entitlements, buyers, orders, grants, grant_events, webhook_deliveries, webhook_rejections, payment_mismatches, access_audits restart identity cascade`,
  );
}
