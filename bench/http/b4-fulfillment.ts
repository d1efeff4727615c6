// B4: paid orders over 20 repositories, every GitHub answer 50 ms late (the emulator's
// latency). Two measurements, because production pacing (one write per second per credential)
// makes 1,000 invitations take at least 1,000 s by design:
// - throughput with pacing off (the sandbox's setting): time until every grant is invited,
//   and GitHub calls per grant, from the emulator's request log;
// - with production pacing on a subset: from the same log, writes per credential never overlap
//   and each starts ≥ 1 s after the previous one was answered.
import { startGithubEmulator, type GithubEmulator } from "../../sandbox/github/emulator";
import type { RequestLogEntry } from "../../sandbox/github/request-log";
import { freshDatabase, fulfilNow, startServer, type DatabaseKind } from "./bench-server";
import {
  createRepoProducts,
  readOutcome,
  shopOrder,
  shopSeed,
  statusList,
  untilInvited,
} from "./fulfillment-shop";
import { writePacing } from "./write-pacing";
import { figure, is2xx, ms, sendConcurrently, signedDelivery, tryDelivery } from "./orders";

const REPOS = 20;
const LATENCY_MS = 50;
const CONNECTIONS = 16;

export async function benchFulfillment(
  kind: DatabaseKind,
  postgresBase: string | undefined,
  port: number,
  counts: { orders: number; paced: number },
) {
  const database = await freshDatabase(kind, postgresBase);
  const emulator = await startGithubEmulator({
    port: 0,
    seed: shopSeed(counts.orders + counts.paced, REPOS),
  });
  emulator.controls.setInviteDailyLimit(1_000_000_000);
  emulator.controls.setLatency(LATENCY_MS);
  try {
    const setup = await database.open();
    await createRepoProducts(setup.db, REPOS);
    await setup.close();
    const base = { port, database, emulator };

    const server = await startServer({ ...base, writeIntervalMs: 0 });
    const unpaced = await sendAndSettle(server.url, emulator, "b4", 0, counts.orders);
    await server.stop();
    const check = await database.open();
    const outcome = await readOutcome(check.db, "b4");
    await check.close();
    const label = `B4 ${counts.orders} orders / ${REPOS} repos, ${LATENCY_MS} ms latency`;
    figure(
      `${label}, 2xx`,
      String(unpaced.acked),
      `= ${counts.orders}`,
      unpaced.acked === counts.orders,
    );
    figure("B4 pacing off: orders sent in", ms(unpaced.sentMs));
    figure(
      "B4 pacing off: first order → all invited",
      unpaced.invitedMs === null ? "timed out" : ms(unpaced.invitedMs),
    );
    if (unpaced.invitedMs !== null) {
      figure(
        "B4 pacing off: invitations per second",
        (counts.orders / (unpaced.invitedMs / 1000)).toFixed(1),
      );
    }
    const invited = outcome.statuses.get("invited") ?? 0;
    figure(
      "B4 grants (database)",
      statusList(outcome.statuses),
      `${counts.orders} invited`,
      invited === counts.orders,
    );
    const perGrant = unpaced.calls.length / counts.orders;
    figure("B4 GitHub calls per grant (emulator log)", perGrant.toFixed(2), "1.00", perGrant === 1);

    const paced = await startServer({ ...base, writeIntervalMs: 1000 });
    const run = await sendAndSettle(paced.url, emulator, "b4p", counts.orders, counts.paced);
    await paced.stop();
    reportPacing(run.calls, counts.paced, run.invitedMs);
  } finally {
    await emulator.close();
    await database.drop();
  }
}

/** Sends orders first … first + count − 1 at once, waits until each one's invitation was made. */
async function sendAndSettle(
  url: string,
  emulator: GithubEmulator,
  prefix: string,
  first: number,
  count: number,
) {
  emulator.requestLog.reset();
  const start = Date.now();
  const statuses = await sendConcurrently(count, CONNECTIONS, (i) =>
    tryDelivery(url, signedDelivery(shopOrder(prefix, first + i, REPOS))),
  );
  const sentMs = Date.now() - start;
  const lastInvite = await untilInvited(emulator, count, 600_000);
  // Whatever is left due (a retry) runs now; the log then holds every call the orders caused.
  await fulfilNow(url);
  return {
    acked: statuses.filter(is2xx).length,
    sentMs,
    invitedMs: lastInvite === null ? null : lastInvite - start,
    calls: [...emulator.requestLog.entries],
  };
}

function reportPacing(calls: RequestLogEntry[], orders: number, invitedMs: number | null) {
  const paced = writePacing(calls);
  const { writes, credentials, overlaps, shortestGapMs } = paced;
  figure(
    `B4 pacing 1 s: ${orders} orders sent at once`,
    `${writes} writes, ${credentials} credential${credentials === 1 ? "" : "s"}`,
  );
  figure(
    "B4 pacing 1 s: writes in flight together",
    String(overlaps),
    "0",
    overlaps === 0 && writes > 1,
  );
  figure(
    "B4 pacing 1 s: shortest answer → next write",
    Number.isFinite(shortestGapMs) ? ms(shortestGapMs) : "n/a",
    "≥ 1,000 ms",
    shortestGapMs >= 1000,
  );
  if (invitedMs !== null) figure("B4 pacing 1 s: first order → all invited", ms(invitedMs));
  if (Number.isFinite(paced.meanIntervalMs)) {
    figure("B4 pacing 1 s: write start → next write start", ms(paced.meanIntervalMs));
    // 1,000 invitations on one credential are 999 such intervals.
    const projected = (paced.meanIntervalMs * 999) / 1000;
    figure("B4 pacing 1 s: 1,000 orders on one credential", `≈ ${projected.toFixed(0)} s`);
  }
}
