// Where an order webhook's time goes: the production server on one database, B1's signed
// order.paid load for a while, then a CPU profile of the Next.js server (node --cpu-prof) in
// PROFILE_DIR (default .bench-profile/), to open in Chrome DevTools or speedscope.
//   npx tsx --tsconfig bench/tsconfig.json bench/profile-ingest.ts [pglite|postgres] [seconds]
import { mkdirSync } from "node:fs";
import path from "node:path";
import { startGithubEmulator } from "../sandbox/github/emulator";
import { seedWithBuyers } from "../test/support/fulfillment-fixtures";
import { benchIngest } from "./http/b1-ingest";
import {
  addBenchProduct,
  freshDatabase,
  startServer,
  type DatabaseKind,
} from "./http/bench-server";
import { BUYERS } from "./http/orders";

const kind = (process.argv[2] ?? "postgres") as DatabaseKind;
const seconds = Number(process.argv[3] ?? 15);
const profileDir = path.resolve(process.env.PROFILE_DIR ?? ".bench-profile");
mkdirSync(profileDir, { recursive: true });

const database = await freshDatabase(kind, process.env.TEST_DATABASE_URL);
const emulator = await startGithubEmulator({ port: 0, seed: seedWithBuyers(BUYERS) });
emulator.controls.setInviteDailyLimit(1_000_000_000);
try {
  const first = await startServer({ port: 3760, database, emulator, writeIntervalMs: 0 });
  await first.stop();
  await addBenchProduct(database);
  const server = await startServer({
    port: 3760,
    database,
    emulator,
    writeIntervalMs: 0,
    nodeFlags: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`],
  });
  await benchIngest(server.url, { seconds, minimums: { ratio: kind === "pglite" ? 0.4 : 0.5 } });
  await server.stop();
  console.log(`CPU profiles in ${profileDir} (the largest is the Next.js server's)`);
} finally {
  await emulator.close();
  await database.drop();
}
