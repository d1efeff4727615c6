// `npm run bench` (full) / `npm run bench -- --quick` (under 3 minutes): the production server
// (`next build`, then `npm start`) on PGlite and on PostgreSQL (TEST_DATABASE_URL), against the
// GitHub emulator, loaded with autocannon. Each figure is printed beside its target; the
// machine is shared, so the ingest figure is also given as a ratio to /api/health/live
// measured in the same run. Ports 3750–3759 (BENCH_PORT moves them).
import { spawnSync } from "node:child_process";
import { startGithubEmulator, type GithubEmulator } from "../sandbox/github/emulator";
import { createProduct } from "../lib/products/create-product";
import { seedWithBuyers } from "../test/support/fulfillment-fixtures";
import { benchIngest } from "./http/b1-ingest";
import { checkDuplicates, sendDuplicates, waitForDuplicateInvitations } from "./http/b2-duplicates";
import { benchPaidToInvitation } from "./http/b3-latency";
import { benchQuota } from "./http/b5-quota";
import {
  buildOnce,
  freshDatabase,
  startServer,
  type DatabaseKind,
  type ServerSettings,
} from "./http/bench-server";
import { BENCH_PRODUCT, BUYERS, figure, ms } from "./http/orders";

const quick = process.argv.includes("--quick");
const port = Number(process.env.BENCH_PORT || 3750);
const postgresBase = process.env.TEST_DATABASE_URL;
const TARGETS = {
  pglite: { ratio: 0.4, rssMb: 768 },
  postgres: { ratio: 0.5, rssMb: 400 },
} as const;

async function benchDatabase(kind: DatabaseKind) {
  console.log(`\n${kind === "pglite" ? "PGlite" : "PostgreSQL"} — ${quick ? "quick" : "full"} run`);
  const database = await freshDatabase(kind, postgresBase);
  const emulator: GithubEmulator = await startGithubEmulator({
    port: 0,
    seed: seedWithBuyers(BUYERS),
  });
  emulator.controls.setInviteDailyLimit(1_000_000_000);
  const settings = (writeIntervalMs: number): ServerSettings => ({
    port,
    database,
    emulator,
    writeIntervalMs,
  });
  try {
    // B8 (start): from an empty data directory / database to ready, migrations included.
    const empty = await startServer(settings(1000));
    figure("B8 start, empty database → /api/health 200", ms(empty.startMs));
    await empty.stop();

    const handle = await database.open();
    await createProduct(handle.db, {
      slug: BENCH_PRODUCT,
      name: "Bench",
      entitlements: [{ kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" }],
    });
    await handle.close();

    // B3 first, on a quiet server with production pacing: nothing queued ahead of its orders.
    const paced = await startServer(settings(1000));
    await benchPaidToInvitation(paced.url, emulator, quick ? 10 : 100);
    await paced.stop();

    // B2 and B1 without pacing (the sandbox's setting), so GitHub's pace does not hide ours.
    const server = await startServer(settings(0));
    const statuses = await sendDuplicates(server.url);
    const settled = await waitForDuplicateInvitations(emulator, 60_000);
    if (!settled) console.log("  (B2: not every invitation arrived within 60 s)");
    await benchIngest(server.url, { seconds: quick ? 10 : 30, minimums: TARGETS[kind] });
    const rss = server.rssMb();
    figure(
      "B8 RSS after B1",
      `${rss.toFixed(0)} MB`,
      `≤ ${TARGETS[kind].rssMb} MB`,
      rss <= TARGETS[kind].rssMb,
    );
    await server.stop();

    const check = await database.open();
    await checkDuplicates(check.db, emulator, statuses);
    await check.close();
  } finally {
    await emulator.close();
    await database.drop();
  }
  await benchQuota(kind, postgresBase, port);
}

console.log(`Repogrant bench (${quick ? "quick" : "full"}), ${new Date().toISOString()}`);
buildOnce(quick);
await benchDatabase("pglite");
if (postgresBase) await benchDatabase("postgres");
else
  console.log(
    "\nPostgreSQL skipped: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres).",
  );

if (quick) {
  console.log(
    "\nB9 (pages at scale) skipped in --quick: seeding 100,000 orders takes over a minute.",
  );
} else {
  console.log("\nB9 pages at scale");
  spawnSync("npx", ["tsx", "--tsconfig", "bench/tsconfig.json", "bench/orders-dashboard.ts"], {
    stdio: "inherit",
  });
}
