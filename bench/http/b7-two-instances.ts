// B7: two servers on one PostgreSQL database, paid orders split between them (even to A, odd
// to B), GitHub 50 ms late. Each instance wakes its own fulfillment and claims from the shared
// queue (FOR UPDATE SKIP LOCKED, under a lease), so either may invite for an order the other
// received. The grants table records no instance, so the instances are told apart by their
// GitHub credential: A uses the emulator admin's token, B a second org admin's (same
// permissions); the emulator's request log names the login behind every PUT, and each grant's
// invite event carries GitHub's request id, which ties it to exactly one logged PUT.
import { startGithubEmulator } from "../../sandbox/github/emulator";
import {
  freshDatabase,
  fulfilNow,
  startServer,
  type BenchServer,
  type ServerSettings,
} from "./bench-server";
import {
  SECOND_ADMIN,
  createRepoProducts,
  invitePuts,
  readOutcome,
  shopOrder,
  shopSeed,
  statusList,
  untilInvited,
} from "./fulfillment-shop";
import { writePacing } from "./write-pacing";
import { figure, is2xx, ms, sendConcurrently, signedDelivery, tryDelivery } from "./orders";

const REPOS = 20;
const CONNECTIONS = 16;

/** Starts the servers at once; those that started land in `servers`, to be stopped. */
async function startBoth(servers: BenchServer[], settings: ServerSettings[]) {
  const started = await Promise.allSettled(settings.map((s) => startServer(s)));
  for (const result of started) if (result.status === "fulfilled") servers.push(result.value);
  const failed = started.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
}

export async function benchTwoInstances(
  postgresBase: string,
  port: number,
  counts: { orders: number; paced: number },
) {
  const { orders } = counts;
  const database = await freshDatabase("postgres", postgresBase);
  const emulator = await startGithubEmulator({
    port: 0,
    seed: shopSeed(orders + counts.paced, REPOS),
  });
  emulator.controls.setInviteDailyLimit(1_000_000_000);
  emulator.controls.setLatency(50);
  const servers: BenchServer[] = [];
  try {
    const setup = await database.open();
    await createRepoProducts(setup.db, REPOS);
    await setup.close();
    const base = { database, emulator, writeIntervalMs: 0 };
    // Started together, as a deployment starts its instances.
    await startBoth(servers, [
      { ...base, port },
      { ...base, port: port + 1, githubToken: SECOND_ADMIN.token },
    ]);
    const [a, b] = servers as [BenchServer, BenchServer];

    emulator.requestLog.reset();
    const start = Date.now();
    const statuses = await sendConcurrently(orders, CONNECTIONS, (i) =>
      tryDelivery((i % 2 === 0 ? a : b).url, signedDelivery(shopOrder("b7", i, REPOS))),
    );
    const lastInvite = await untilInvited(emulator, orders, 600_000);
    await Promise.all([fulfilNow(a.url), fulfilNow(b.url)]);
    await Promise.all(servers.map((server) => server.stop()));

    const check = await database.open();
    const outcome = await readOutcome(check.db, "b7");
    await check.close();
    const puts = invitePuts(emulator);
    const putCounts = [...puts.values()].map((list) => list.length);
    const byInstance = { A: 0, B: 0, other: 0 };
    let crossed = 0;
    for (const [first] of puts.values()) {
      // buyer-(i + 1) ordered order i, which went to A when i is even.
      const receivedByA = Number(first!.path.split("-").at(-1)) % 2 === 1;
      const who =
        first!.login === SECOND_ADMIN.login ? "B" : first!.login === "acme-admin" ? "A" : "other";
      byInstance[who] += 1;
      if ((who === "A") !== receivedByA) crossed += 1;
    }
    // Each grant's invite event names a request the log has, for that same grant.
    const logged = new Map(emulator.requestLog.entries.map((e) => [e.requestId, e]));
    const tied = [...outcome.inviteRequests].filter(([requestId, target]) =>
      logged.get(requestId)?.path.endsWith(target),
    ).length;

    const acked = statuses.filter(is2xx).length;
    figure(
      `B7 ${orders} orders over 2 instances, 2xx`,
      String(acked),
      `= ${orders}`,
      acked === orders,
    );
    if (lastInvite !== null) figure("B7 first order → all invited", ms(lastInvite - start));
    const invited = outcome.statuses.get("invited") ?? 0;
    figure(
      "B7 grants (database)",
      statusList(outcome.statuses),
      `${orders} invited`,
      invited === orders,
    );
    const onePutEach = puts.size === orders && putCounts.every((n) => n === 1);
    figure(
      "B7 invitation PUTs per grant (emulator log)",
      onePutEach ? "1 each" : `${putCounts.filter((n) => n > 1).length} grants > 1`,
      "1 each",
      onePutEach,
    );
    figure(
      "B7 grants invited by instance A / B",
      `${byInstance.A} / ${byInstance.B}`,
      "both > 0, sum = orders",
      byInstance.A > 0 && byInstance.B > 0 && byInstance.A + byInstance.B === orders,
    );
    figure("B7 of which for an order the other instance received", String(crossed));
    figure("B7 invite events tied to one logged PUT", String(tied), `= ${orders}`, tied === orders);
    figure(
      "B7 grants with a duplicate invite/invited event",
      String(outcome.duplicateEvents),
      "0",
      outcome.duplicateEvents === 0,
    );

    // Production pacing is kept per process: two instances on one credential each keep their
    // own one-write-a-second queue. Measured, not assumed (full run only: two more starts).
    if (counts.paced === 0) {
      console.log("  B7 one credential with pacing on: full run only (two more server starts).");
      return;
    }
    servers.length = 0;
    const paced = { ...base, writeIntervalMs: 1000 };
    await startBoth(servers, [
      { ...paced, port },
      { ...paced, port: port + 1 },
    ]);
    emulator.requestLog.reset();
    await sendConcurrently(counts.paced, CONNECTIONS, (i) =>
      tryDelivery(servers[i % 2]!.url, signedDelivery(shopOrder("b7p", orders + i, REPOS))),
    );
    await untilInvited(emulator, counts.paced, 120_000);
    await Promise.all(servers.map((server) => fulfilNow(server.url)));
    await Promise.all(servers.map((server) => server.stop()));
    const shared = writePacing(emulator.requestLog.entries);
    const label = `B7 one credential, pacing 1 s, ${counts.paced} orders`;
    figure(`${label}: overlapping writes`, String(shared.overlaps), "0", shared.overlaps === 0);
    figure(
      `${label}: shortest answer → next write`,
      ms(shared.shortestGapMs),
      "≥ 1,000 ms",
      shared.shortestGapMs >= 1000,
    );
  } finally {
    await Promise.all(servers.map((server) => server.kill()));
    await emulator.close();
    await database.drop();
  }
}
