// B6: a burst of paid orders at 16 connections; at seeded random moments (once the k-th
// delivery has had its answer, so in-flight requests and GitHub calls are cut wherever they are) the
// server's whole process group gets `kill -9` and is restarted on the same database. GitHub
// (the emulator, in this process) answers 50 ms late, so kills also land mid-invitation.
// Checked once the last incarnation has settled, then again after the provider redelivers
// what was never acknowledged (same delivery ids, as a provider retries):
// - every acknowledged order is stored; every grant invited or in a terminal state;
// - no grant invited twice: at most one invitation PUT per grant in the emulator's log.
import { startGithubEmulator, type GithubEmulator } from "../../sandbox/github/emulator";
import {
  freshDatabase,
  fulfilNow,
  startServer,
  type BenchDatabase,
  type BenchServer,
  type DatabaseKind,
  type ServerSettings,
} from "./bench-server";
import {
  createRepoProducts,
  invitePuts,
  readOutcome,
  shopOrder,
  shopSeed,
  statusList,
} from "./fulfillment-shop";
import { figure, is2xx, ms, sendConcurrently, signedDelivery, tryDelivery } from "./orders";

const REPOS = 20;
const CONNECTIONS = 16;
// Production leases last 300 s; a dead server's grants wait for theirs to run out. 3 s keeps
// the bench short without changing what happens.
const LEASE_SECONDS = 3;
const SETTLED = new Set(["invited", "active", "expired", "declined", "failed", "revoked"]);

/** A small seeded generator (mulberry32): the same seed kills at the same moments. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `kills` distinct counts of answered deliveries, ascending, each leaving a full set of
 * connections still to send: every kill falls inside the burst.
 */
function killMoments(orders: number, kills: number, seed: number) {
  const random = seeded(seed);
  const moments = new Set<number>();
  const last = orders - CONNECTIONS;
  while (moments.size < Math.min(kills, last)) {
    moments.add(1 + Math.floor(random() * last));
  }
  return [...moments].sort((a, b) => a - b);
}

export async function benchCrash(
  kind: DatabaseKind,
  postgresBase: string | undefined,
  port: number,
  counts: { orders: number; kills: number; seed: number },
) {
  const database = await freshDatabase(kind, postgresBase);
  const emulator = await startGithubEmulator({ port: 0, seed: shopSeed(counts.orders, REPOS) });
  emulator.controls.setInviteDailyLimit(1_000_000_000);
  emulator.controls.setLatency(50);
  const settings: ServerSettings = {
    port,
    database,
    emulator,
    writeIntervalMs: 0,
    leaseSeconds: LEASE_SECONDS,
  };
  const run = `${Date.now()}`;
  const delivery = (i: number) => signedDelivery(shopOrder("b6", i, REPOS), `msg_b6_${run}_${i}`);
  let server: BenchServer | undefined;
  try {
    const setup = await database.open();
    await createRepoProducts(setup.db, REPOS);
    await setup.close();

    const moments = killMoments(counts.orders, counts.kills, counts.seed);
    server = await startServer(settings);
    let up: Promise<void> = Promise.resolve();
    // Deliveries cut by a kill are answered at once: without this, they would reach the next
    // moment while the restart runs, and start a second server beside the first.
    let restarting = false;
    const acked = new Set<number>();
    let answered = 0;
    const restartMs: number[] = [];
    const killWindows: Array<[number, number]> = [];
    const statuses = await sendConcurrently(counts.orders, CONNECTIONS, async (i) => {
      await up;
      const status = await tryDelivery(server!.url, delivery(i));
      if (is2xx(status)) acked.add(i);
      answered += 1;
      const due = restartMs.length < moments.length && answered >= moments[restartMs.length]!;
      if (due && !restarting) {
        restarting = true;
        restartMs.push(NaN);
        const slot = restartMs.length - 1;
        up = (async () => {
          const from = Date.now();
          await server!.kill();
          killWindows.push([from, Date.now()]);
          const started = await startServer(settings);
          restartMs[slot] = started.startMs;
          server = started;
          restarting = false;
        })();
      }
      return status;
    });
    await up;
    const unacked = statuses.flatMap((status, i) => (is2xx(status) ? [] : [i]));
    figure(
      `B6 ${counts.orders} orders, kill -9 after deliveries no.`,
      moments.join(","),
      undefined,
    );
    figure(
      "B6 restarts (each to /api/health 200)",
      `${restartMs.length}, ${restartMs.map((t) => ms(t)).join(" / ")}`,
    );
    // GitHub made these invitations while their server was being killed: the crash window
    // between GitHub's 201 and our commit, which the next claim must settle without a 2nd PUT.
    const cut = [...invitePuts(emulator).values()]
      .flat()
      .filter((put) => killWindows.some(([from, to]) => put.receivedAt <= to && put.at >= from));
    figure("B6 invitation PUTs unanswered when a kill began", String(cut.length));
    await settle(server);
    await server.stop();
    await check(database, emulator, "after kills", {
      acked,
      sent: counts.orders,
      exact: false,
    });

    // The provider redelivers what it never saw acknowledged.
    server = await startServer(settings);
    const again = await Promise.all(unacked.map((i) => tryDelivery(server!.url, delivery(i))));
    await settle(server);
    await server.stop();
    figure(
      "B6 redelivered (never acknowledged), 2xx",
      `${again.filter(is2xx).length} of ${unacked.length}`,
      `= ${unacked.length}`,
      again.every(is2xx),
    );
    await check(database, emulator, "after redelivery", {
      acked: new Set(statuses.keys()),
      sent: counts.orders,
      exact: true,
    });
  } finally {
    await server?.kill();
    await emulator.close();
    await database.drop();
  }
}

/** The dead servers' leases run out, then one pass takes every grant still due. */
async function settle(server: BenchServer) {
  await new Promise((resolve) => setTimeout(resolve, LEASE_SECONDS * 1000 + 500));
  await fulfilNow(server.url);
}

async function check(
  database: BenchDatabase,
  emulator: GithubEmulator,
  when: string,
  expected: { acked: Set<number>; sent: number; exact: boolean },
) {
  const handle = await database.open();
  const outcome = await readOutcome(handle.db, "b6");
  await handle.close();
  const lost = [...expected.acked].filter((i) => !outcome.orders.has(`b6-${i}`));
  const grants = [...outcome.statuses.values()].reduce((a, b) => a + b, 0);
  const unsettled = [...outcome.statuses]
    .filter(([status]) => !SETTLED.has(status))
    .reduce((sum, [, n]) => sum + n, 0);
  const puts = [...invitePuts(emulator).values()].map((list) => list.length);
  const twice = puts.filter((n) => n > 1).length;
  figure(
    `B6 ${when}: acknowledged / stored`,
    `${expected.acked.size} / ${outcome.orders.size}`,
    expected.exact ? `= ${expected.sent} / ${expected.sent}` : "all acknowledged stored",
    lost.length === 0 && (!expected.exact || outcome.orders.size === expected.sent),
  );
  if (lost.length > 0) figure(`B6 ${when}: LOST acknowledged orders`, lost.slice(0, 10).join(","));
  figure(
    `B6 ${when}: grants`,
    statusList(outcome.statuses),
    "invited or terminal",
    unsettled === 0 && grants === outcome.orders.size,
  );
  // A grant claimed again after a kill asks GitHub for an open invitation before inviting.
  const lookups = emulator.requestLog.entries.filter(
    (e) => e.method === "GET" && e.route === "/repos/{owner}/{repo}/invitations",
  ).length;
  figure(`B6 ${when}: re-claimed grants' invitation look-ups`, String(lookups));
  figure(
    `B6 ${when}: grants with > 1 invitation PUT`,
    `${twice} (${puts.length} PUT targets)`,
    "0",
    twice === 0,
  );
  figure(
    `B6 ${when}: grants with a duplicate invite event`,
    String(outcome.duplicateEvents),
    "0",
    outcome.duplicateEvents === 0,
  );
}
