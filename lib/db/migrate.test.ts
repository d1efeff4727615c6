import { readMigrationFiles } from "drizzle-orm/migrator";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { migratePostgresDatabase, migrationsFolder } from "./migrate";
import { createThrowawayPostgres } from "@/test/support/throwaway-postgres";

const baseUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!baseUrl)("migrations on PostgreSQL [postgres]", () => {
  it("several instances starting together migrate once", async () => {
    const throwaway = await createThrowawayPostgres(baseUrl!);
    try {
      await Promise.all(Array.from({ length: 4 }, () => migratePostgresDatabase(throwaway.url)));
      const sql = postgres(throwaway.url, { max: 1, onnotice: () => {} });
      const applied = await sql<{ hash: string }[]>`select hash from drizzle.__drizzle_migrations`;
      await sql.end();
      expect(applied.map((row) => row.hash)).toEqual(
        readMigrationFiles({ migrationsFolder }).map((migration) => migration.hash),
      );
    } finally {
      await throwaway.drop();
    }
  });
});
