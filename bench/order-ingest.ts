// `npm run bench`: how fast paid orders are taken in (one transaction each, as the webhook
// does) and turned into invitations (the engine against the GitHub emulator, pacing off, so
// the figure is our own overhead — production pacing is GitHub's one write per second).
// PGlite always; PostgreSQL too when TEST_DATABASE_URL is set.
import { performance } from "node:perf_hooks";
import { openPglite, openPostgres } from "../lib/db/open";
import { createThrowawayPostgres } from "../test/support/throwaway-postgres";
import type { DatabaseHandle } from "../lib/db/types";
import { runFulfillment } from "../lib/fulfillment/run-fulfillment";
import { applyOrderEvent } from "../lib/orders/apply-order-event";
import { createProduct } from "../lib/products/create-product";
import { engineAgainst, seedWithBuyers } from "../test/support/fulfillment-fixtures";
import { startGithubEmulator } from "../sandbox/github/emulator";

const ORDERS = 500;

function rate(count: number, ms: number) {
  return `${Math.round((count / ms) * 1000)}/s (${(ms / count).toFixed(2)} ms each)`;
}

async function measure(name: string, handle: DatabaseHandle) {
  const { db } = handle;
  await createProduct(db, {
    slug: "bench",
    name: "Bench",
    entitlements: [{ kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" }],
  });
  const event = (i: number) => ({
    type: "order.paid" as const,
    data: {
      externalId: `bench_${i}`,
      product: "bench",
      buyer: { githubLogin: `buyer-${String((i % 200) + 1).padStart(3, "0")}` },
    },
  });

  const ingestAll = async () => {
    const start = performance.now();
    for (let i = 0; i < ORDERS; i++) {
      await applyOrderEvent(db, {
        source: "bench",
        deliveryId: `d${i}`,
        event: event(i),
        now: new Date(),
      });
    }
    return performance.now() - start;
  };
  const ingest = await ingestAll();
  // The same deliveries again: each stops at the delivery row, as a sender's retries do.
  const duplicates = await ingestAll();

  const emulator = await startGithubEmulator({ port: 0, seed: seedWithBuyers(200) });
  emulator.controls.setInviteDailyLimit(100_000);
  const { github, settings } = engineAgainst(emulator, { settings: { dailyInviteLimit: 100_000 } });
  const start = performance.now();
  const summary = await runFulfillment(db, github, settings);
  const fulfil = performance.now() - start;
  await emulator.close();

  console.log(`${name}:`);
  console.log(`  paid orders ingested     ${rate(ORDERS, ingest)}`);
  console.log(`  duplicate deliveries     ${rate(ORDERS, duplicates)}`);
  console.log(
    `  grants fulfilled         ${rate(summary.claimed, fulfil)} — ${summary.invited} invited, ${summary.active} active`,
  );
}

const rssBefore = process.memoryUsage().rss;
const pglite = await openPglite();
await measure("PGlite (in memory)", pglite);
await pglite.close();

const baseUrl = process.env.TEST_DATABASE_URL;
if (baseUrl) {
  const throwaway = await createThrowawayPostgres(baseUrl);
  const pg = await openPostgres(throwaway.url);
  await measure("PostgreSQL", pg);
  await pg.close();
  await throwaway.drop();
} else {
  console.log("PostgreSQL: skipped (set TEST_DATABASE_URL)");
}
console.log(`peak-ish RSS growth: ${Math.round((process.memoryUsage().rss - rssBefore) / 1e6)} MB`);
