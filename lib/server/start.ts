import "server-only";
import { closeDatabase, getDatabase } from "../db";

const state = globalThis as unknown as { __repograntStarted?: boolean };

/**
 * Runs once per server process from instrumentation: opens and migrates the database, and
 * closes it on SIGTERM/SIGINT (Next's own handler would exit without closing PGlite, which
 * then needs crash recovery on the next start).
 */
export async function startServer(): Promise<void> {
  if (state.__repograntStarted) return;
  state.__repograntStarted = true;
  try {
    const { kind } = await getDatabase();
    console.log(`[repogrant] database ready (${kind}), migrations applied`);
  } catch (error) {
    // Next keeps serving 500s when register() throws; a server without its database must stop.
    console.error(
      `[repogrant] cannot start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      closeDatabase()
        .catch((error: unknown) => console.error("[repogrant] closing the database failed", error))
        .finally(() => process.exit(0));
    });
  }
}
