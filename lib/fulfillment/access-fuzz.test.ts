import fc from "fast-check";
import { afterAll, it } from "vitest";
import { historyCommands, webhooksConfigured } from "@/test/support/access-fuzz/arbitraries";
import { historyFacts } from "@/test/support/access-fuzz/facts";
import { runGeneratedHistory } from "@/test/support/access-fuzz/run-history";
import { describeEachDatabase } from "@/test/support/database";

// Issue 16: access converges to what was paid for, whatever happens in between. fast-check
// generates histories of payments, refunds, buyers and the merchant acting on GitHub, webhooks
// lost, duplicated, delayed and replayed, GitHub failing, time passing, and engine passes that
// crash after GitHub answered; each runs against the real engine, this database and the GitHub
// emulator, settles, and is checked on GitHub's state (see test/support/access-fuzz/). A failure
// shrinks to the shortest history and prints it as the entry to keep in
// access-fuzz-histories.test.ts. `npm run test:fuzz` runs many more: FUZZ_RUNS histories of up
// to FUZZ_STEPS steps; FUZZ_SEED replays a reported seed; FUZZ_STATS=1 prints what they exercised.
const runs = Number(process.env.FUZZ_RUNS ?? 30);
const maxSteps = Number(process.env.FUZZ_STEPS ?? 25);
// `npm test` explores the same histories every time (no flaky suite); a run of FUZZ_RUNS
// explores new ones unless given FUZZ_SEED.
const seed = process.env.FUZZ_SEED
  ? Number(process.env.FUZZ_SEED)
  : process.env.FUZZ_RUNS
    ? undefined
    : 20261129;
const stats = process.env.FUZZ_STATS === "1";

describeEachDatabase("access fuzz: access converges to what was paid for", (database) => {
  const seen = new Map<string, number>();
  let histories = 0;
  let steps = 0;
  const tally = async (world: Parameters<typeof historyFacts>[0]) => {
    histories += 1;
    steps += world.played.length;
    if (!stats) return;
    for (const fact of await historyFacts(world)) seen.set(fact, (seen.get(fact) ?? 0) + 1);
  };
  afterAll(() => {
    if (!stats) return;
    const lines = [...seen].sort(([a], [b]) => a.localeCompare(b)).map(([f, n]) => `  ${f}: ${n}`);
    console.log(
      `[access fuzz, ${database.kind}] ${histories} histories, ${steps} steps (${(steps / Math.max(1, histories)).toFixed(1)} a history); histories in which each happened:\n${lines.join("\n")}`,
    );
  });

  // The timeout only catches a hang; a failing history's shrinking replays it many times.
  const timeout = 300_000 + runs * 10_000;
  it(`holds over ${runs} random histories of up to ${maxSteps} steps`, { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(webhooksConfigured, historyCommands(maxSteps), (webhooks, commands) =>
        runGeneratedHistory(database.db(), webhooks, commands, tally),
      ),
      { numRuns: runs, seed },
    );
  });
});
