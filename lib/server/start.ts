import "server-only";
import { getConfig } from "../config";
import { closeDatabase, getDatabase } from "../db";
import { analyzeGrownTable, vacuumAnalyze } from "../db/vacuum-analyze";
import { startFulfillmentLoop } from "../fulfillment/worker";
import { seedDemoProduct } from "../products/seed-demo-product";

const FULFILLMENT_INTERVAL_MS = 15_000;
// One paged list per repository per cycle: cheap, but not worth doing more often.
const SYNC_INTERVAL_MS = 5 * 60_000;
// Two paged lists per sold repository or team; it catches what slipped past everything else.
const AUDIT_INTERVAL_MS = 60 * 60_000;

// PGlite has no autovacuum (see lib/db/vacuum-analyze.ts); hourly keeps counts index-only and plans fresh
// while blocking its one connection for about a second at 100,000 orders.
const PGLITE_MAINTENANCE_INTERVAL_MS = 60 * 60_000;
// Between those, a table that grew by a tenth is analyzed: one table per tick, ~0.1 s each.
const PGLITE_ANALYZE_INTERVAL_MS = 15_000;

const state = globalThis as unknown as { __repograntStarted?: boolean };

/**
 * Runs once per server process from instrumentation: opens and migrates the database, seeds
 * the sandbox's demo product, starts the fulfillment loop (and PGlite's maintenance), and closes the database on
 * SIGTERM/SIGINT (Next's own handler would exit without closing PGlite, which then needs crash
 * recovery on the next start).
 */
export async function startServer(): Promise<void> {
  if (state.__repograntStarted) return;
  state.__repograntStarted = true;
  try {
    // Every setting is checked before anything else: a bad one stops the start, named.
    const config = getConfig();
    const { kind, db } = await getDatabase();
    console.log(`[repogrant] database ready (${kind}), migrations applied`);
    if (kind === "pglite") {
      setInterval(() => {
        vacuumAnalyze(db).catch((error: unknown) =>
          console.error("[repogrant] PGlite maintenance (vacuum) failed", error),
        );
      }, PGLITE_MAINTENANCE_INTERVAL_MS).unref();
      setInterval(() => {
        analyzeGrownTable(db).catch((error: unknown) =>
          console.error("[repogrant] PGlite maintenance (analyze) failed", error),
        );
      }, PGLITE_ANALYZE_INTERVAL_MS).unref();
    }
    if (config.sandbox && (await seedDemoProduct(db))) {
      console.log(`[repogrant] sandbox: demo product "demo" created`);
    }
  } catch (error) {
    // Next keeps serving 500s when register() throws; a server without its database must stop.
    console.error(
      `[repogrant] cannot start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
  startFulfillmentLoop(FULFILLMENT_INTERVAL_MS, SYNC_INTERVAL_MS, AUDIT_INTERVAL_MS);
  // Ctrl-C reaches the whole process group, and impatient users press it twice: every signal
  // waits for the one close already under way, so PGlite is never left open with its lock.
  let closing: Promise<void> | undefined;
  const shutDown = () => {
    closing ??= closeDatabase()
      .catch((error: unknown) => console.error("[repogrant] closing the database failed", error))
      .finally(() => process.exit(0));
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, shutDown);
}
