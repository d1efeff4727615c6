import "server-only";
import { getConfig } from "../config";
import { getDb } from "../db";
import { githubForFulfillment } from "./github-adapter";
import { runFulfillment, type FulfillmentSummary } from "./run-fulfillment";
import { fulfillmentSettings } from "./settings";

interface WorkerState {
  running: Promise<FulfillmentSummary> | null;
  again: boolean;
  timer: NodeJS.Timeout | null;
  warned: boolean;
}

// One worker per server process, shared by every bundle layer (see lib/db/index.ts).
const holder = globalThis as unknown as { __repograntWorker?: WorkerState };
const state = (holder.__repograntWorker ??= {
  running: null,
  again: false,
  timer: null,
  warned: false,
});

/**
 * Runs fulfillment until nothing is due. A wake-up while a pass is running asks for one more
 * pass instead of starting a second, concurrent one in this process.
 */
export function runFulfillmentNow(): Promise<FulfillmentSummary> {
  if (state.running) {
    state.again = true;
    return state.running;
  }
  state.running = (async () => {
    const config = getConfig();
    const db = await getDb();
    const github = githubForFulfillment(config);
    const settings = fulfillmentSettings({
      dailyInviteLimit: config.raw.INVITE_DAILY_LIMIT,
      retryMaxHours: config.raw.INVITE_RETRY_MAX_HOURS,
    });
    let summary: FulfillmentSummary;
    do {
      state.again = false;
      summary = await runFulfillment(db, github, settings);
    } while (state.again);
    return summary;
  })().finally(() => {
    state.running = null;
  });
  return state.running;
}

/** Fire-and-forget wake-up (after a payment, on the interval); failures are logged once. */
export function wakeFulfillment(): void {
  runFulfillmentNow().then(
    () => (state.warned = false),
    (error: unknown) => {
      if (state.warned) return;
      state.warned = true;
      console.error(`[fulfillment] ${error instanceof Error ? error.message : String(error)}`);
    },
  );
}

export function startFulfillmentLoop(intervalMs: number): void {
  if (state.timer) return;
  state.timer = setInterval(wakeFulfillment, intervalMs);
  state.timer.unref();
  wakeFulfillment();
}
