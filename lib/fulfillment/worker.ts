import "server-only";
import { getConfig } from "../config";
import { getDb } from "../db";
import type { AccessHint } from "../grants";
import { pruneWebhookRecords } from "../webhooks/prune-webhook-records";
import { runAccessAudit, runAccessAuditIfDue, type AccessAudit } from "./audit/run-access-audit";
import { checkMemberAccess } from "./check-member-access";
import { githubForFulfillment } from "./github-adapter";
import { runFulfillment, type FulfillmentSummary } from "./run-fulfillment";
import { runRevocations, type RevocationSummary } from "./run-revocations";
import { fulfillmentSettings } from "./settings";
import { syncInvitations } from "./sync-invitations";

export interface WorkerSummary {
  fulfillment: FulfillmentSummary;
  revocation: RevocationSummary;
}

interface WorkerState {
  running: Promise<WorkerSummary> | null;
  auditing: Promise<AccessAudit | null> | null;
  again: boolean;
  timers: NodeJS.Timeout[];
  warned: boolean;
}

// One worker per server process, shared by every bundle layer (see lib/db/index.ts).
const holder = globalThis as unknown as { __repograntWorker?: WorkerState };
const state = (holder.__repograntWorker ??= {
  running: null,
  auditing: null,
  again: false,
  timers: [],
  warned: false,
});

async function engine() {
  const config = getConfig();
  return {
    db: await getDb(),
    github: githubForFulfillment(config),
    settings: fulfillmentSettings({
      dailyInviteLimit: config.fulfillment.inviteDailyLimit,
      orgInviteDailyLimit: config.fulfillment.orgInviteDailyLimit,
      retryMaxHours: config.fulfillment.inviteRetryMaxHours,
      leaseMs: config.fulfillment.leaseSeconds * 1000,
    }),
  };
}

/**
 * Sends due invitations and takes away refunded access until nothing is due. A wake-up while
 * a pass is running asks for one more pass instead of a second, concurrent one.
 */
export function runFulfillmentNow(): Promise<WorkerSummary> {
  if (state.running) {
    state.again = true;
    return state.running;
  }
  state.running = (async () => {
    const { db, github, settings } = await engine();
    let summary: WorkerSummary;
    do {
      state.again = false;
      summary = {
        fulfillment: await runFulfillment(db, github, settings),
        revocation: await runRevocations(db, github, settings),
      };
    } while (state.again);
    return summary;
  })().finally(() => {
    state.running = null;
  });
  return state.running;
}

function logOnce(error: unknown) {
  if (state.warned) return;
  state.warned = true;
  console.error(`[fulfillment] ${error instanceof Error ? error.message : String(error)}`);
}

/**
 * Fire-and-forget wake-up (after a payment or refund, on the interval). While a pass runs, a
 * wake-up only asks for one more: under a burst the pass runs for as long as orders keep
 * coming, and a reaction per wake-up on its promise would keep every paying request's context
 * alive until then (B1 measured the heap growing by ~6 KB per order).
 */
export function wakeFulfillment(): void {
  if (state.running) {
    state.again = true;
    return;
  }
  runFulfillmentNow().then(() => (state.warned = false), logOnce);
}

/** One invitation sync: acceptance, decline and expiry, read from GitHub. */
export async function runInvitationSyncNow() {
  const { db, github, settings } = await engine();
  return syncInvitations(db, github, settings.clock);
}

/** A GitHub webhook's hint: ask GitHub about that account's access and settle from the answer. */
export function checkAccessNow(hint: AccessHint): void {
  engine()
    .then(({ db, github, settings }) => checkMemberAccess(db, github, hint, settings.clock))
    .catch(logOnce);
}

/** The slow tick: invitation sync, then webhook records past their retention period. */
function syncNow(): void {
  runInvitationSyncNow().catch(logOnce);
  getDb()
    .then((db) => pruneWebhookRecords(db, new Date()))
    .catch(logOnce);
}

/** One audit at a time per process: a request while one runs gets that one's result. */
function audit(run: () => Promise<AccessAudit | null>): Promise<AccessAudit | null> {
  state.auditing ??= run().finally(() => {
    state.auditing = null;
  });
  return state.auditing;
}

/** The merchant's "run the access audit now". */
export async function runAccessAuditNow(): Promise<AccessAudit | null> {
  const { db, github, settings } = await engine();
  return audit(() => runAccessAudit(db, github, { clock: settings.clock, trigger: "merchant" }));
}

function auditIfDue(intervalMs: number): void {
  engine()
    .then(({ db, github, settings }) =>
      audit(() => runAccessAuditIfDue(db, github, { clock: settings.clock, intervalMs })),
    )
    .catch(logOnce);
}

/**
 * Fulfillment every `fulfillMs`; the invitation sync (acceptance, decline, expiry) every
 * `syncMs`; the access audit every `auditMs`, counted from the last one that finished (checked
 * on each sync tick).
 */
export function startFulfillmentLoop(fulfillMs: number, syncMs: number, auditMs: number): void {
  if (state.timers.length > 0) return;
  state.timers = [
    setInterval(wakeFulfillment, fulfillMs),
    setInterval(syncNow, syncMs),
    setInterval(() => auditIfDue(auditMs), syncMs),
  ];
  state.timers.forEach((timer) => timer.unref());
  wakeFulfillment();
}
