// `npm run db:migrate`: applies drizzle/ to PGlite under DATA_DIR, or to DATABASE_URL.
import { openPglite, openPostgres } from "../lib/db/open";
import { parseConfig } from "../lib/env-schema";

try {
  const { databaseUrl, pgliteDir } = parseConfig(process.env);
  const handle = databaseUrl
    ? await openPostgres(databaseUrl, { max: 1 })
    : await openPglite(pgliteDir);
  await handle.close();
  console.log(`Migrations applied (${databaseUrl ? "postgres" : `pglite at ${pgliteDir}`}).`);
} catch (error) {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
