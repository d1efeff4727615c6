// `npm run bench` (full) / `npm run bench -- --quick` (under 3 minutes): the production server
// (`next build`, then `npm start`) on PGlite and on PostgreSQL (TEST_DATABASE_URL), against the
// GitHub emulator, loaded with autocannon. Each figure is printed beside its target; the
// machine is shared, so the ingest figure is also given as a ratio to /api/health/live
// measured in the same run. Ports 3750–3759 (BENCH_PORT moves them).
// `--only b4,b6` runs those benches alone (b1, b2, b3 and b8 run together), reusing an
// existing build; `--db postgres` (or pglite) measures one database.
import { performance } from "node:perf_hooks";
import { spawnSync } from "node:child_process";
import { startGithubEmulator, type GithubEmulator } from "../sandbox/github/emulator";
import { seedWithBuyers } from "../test/support/fulfillment-fixtures";
import { benchIngest } from "./http/b1-ingest";
import { benchFulfillment } from "./http/b4-fulfillment";
import { benchCrash } from "./http/b6-crash";
import { benchTwoInstances } from "./http/b7-two-instances";
import { checkDuplicates, sendDuplicates, waitForDuplicateInvitations } from "./http/b2-duplicates";
import { benchPaidToInvitation } from "./http/b3-latency";
import { benchQuota } from "./http/b5-quota";
import {
  addBenchProduct,
  buildOnce,
  freshDatabase,
  startServer,
  type DatabaseKind,
  type ServerSettings,
} from "./http/bench-server";
import { BUYERS, figure, ms } from "./http/orders";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const only = option("--only")?.toLowerCase().split(",");
const wanted = (...names: string[]) => !only || names.some((name) => only.includes(name));
const databases = (option("--db") ? [option("--db")] : ["pglite", "postgres"]) as DatabaseKind[];
const port = Number(process.env.BENCH_PORT || 3750);
const postgresBase = process.env.TEST_DATABASE_URL;
const TARGETS = {
  pglite: { ratio: 0.4, rssMb: 768 },
  postgres: { ratio: 0.5, rssMb: 400 },
} as const;

const title = (kind: DatabaseKind) => (kind === "pglite" ? "PGlite" : "PostgreSQL");

/** B8 (start), B3, B2, B1, B8 (RSS): one database, one emulator, three server starts. */
async function benchIngestGroup(kind: DatabaseKind) {
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

    await addBenchProduct(database);

    // B3 first, on a quiet server with production pacing: nothing queued ahead of its orders.
    const paced = await startServer(settings(1000));
    await benchPaidToInvitation(paced.url, emulator, quick ? 10 : 100);
    await paced.stop();

    // B2 and B1 without pacing (the sandbox's setting), so GitHub's pace does not hide ours.
    const server = await startServer(settings(0));
    const statuses = await sendDuplicates(server.url);
    const settled = await waitForDuplicateInvitations(emulator, 60_000);
    if (!settled) console.log("  (B2: not every invitation arrived within 60 s)");
    await benchIngest(server.url, { seconds: quick ? 8 : 30, minimums: TARGETS[kind] });
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
}

// --quick keeps under ~3 minutes: B4 and B6 measure PostgreSQL only, on fewer orders (PGlite's
// starts alone take 15–25 s each on this machine, and B6 restarts seven times).
async function benchDatabase(kind: DatabaseKind) {
  console.log(`\n${title(kind)} — ${quick ? "quick" : "full"} run`);
  if (wanted("b1", "b2", "b3", "b8")) await benchIngestGroup(kind);
  if (wanted("b5")) await benchQuota(kind, postgresBase, port);
  const small = quick && kind === "pglite";
  if (wanted("b4")) {
    if (small) console.log("  B4 skipped on PGlite in --quick (measured on PostgreSQL).");
    else
      await benchFulfillment(kind, postgresBase, port, {
        orders: quick ? 100 : 1000,
        paced: quick ? 5 : 20,
      });
  }
  if (wanted("b6")) {
    if (small) console.log("  B6 skipped on PGlite in --quick: seven server starts.");
    else
      await benchCrash(kind, postgresBase, port, {
        orders: quick ? 100 : 500,
        kills: quick ? 2 : 5,
        seed: Number(process.env.BENCH_SEED || 17),
      });
  }
  if (wanted("b7") && kind === "postgres") {
    await benchTwoInstances(postgresBase!, port, {
      orders: quick ? 100 : 1000,
      paced: quick ? 0 : 20,
    });
  }
}

const began = performance.now();
console.log(`Repogrant bench (${quick ? "quick" : "full"}), ${new Date().toISOString()}`);
buildOnce(quick || only !== undefined);
if (databases.includes("pglite")) await benchDatabase("pglite");
const postgresMeasured = databases.includes("postgres") && postgresBase !== undefined;
if (postgresMeasured) await benchDatabase("postgres");
else if (databases.includes("postgres"))
  console.log(
    "\nPostgreSQL skipped: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres).",
  );
if (wanted("b7") && !postgresMeasured) {
  console.log(
    "\nB7 (two instances) skipped: it needs PostgreSQL (PGlite is one process by design).",
  );
}

if (wanted("b9")) {
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
}

const took = (performance.now() - began) / 1000;
console.log(
  `\nThe bench took ${took.toFixed(0)} s${quick ? ` (--quick aims at under 180 s: ${took < 180 ? "ok" : "MISSED"})` : ""}.`,
);
