import fc from "fast-check";
import { it } from "vitest";
import { historyCommands, webhooksConfigured } from "@/test/support/access-fuzz/arbitraries";
import { runGeneratedHistory } from "@/test/support/access-fuzz/run-history";
import { describeEachDatabase } from "@/test/support/database";

// Issue 16: access converges to what was paid for, whatever happens in between. fast-check
// generates histories of payments, refunds, buyers and the merchant acting on GitHub, webhooks
// lost, duplicated, delayed and replayed, GitHub failing, time passing, and engine passes that
// crash after GitHub answered; each runs against the real engine, this database and the GitHub
// emulator, settles, and is checked on GitHub's state (see test/support/access-fuzz/). A failure
// shrinks to the shortest history and prints it as the entry to keep in
// access-fuzz-histories.test.ts. `npm run test:fuzz` runs many more (FUZZ_RUNS, FUZZ_STEPS,
// FUZZ_SEED to replay a reported seed).
const runs = Number(process.env.FUZZ_RUNS ?? 12);
const maxSteps = Number(process.env.FUZZ_STEPS ?? 25);
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

describeEachDatabase("access fuzz: access converges to what was paid for", (database) => {
  it(`holds over ${runs} random histories of up to ${maxSteps} steps`, async () => {
    await fc.assert(
      fc.asyncProperty(webhooksConfigured, historyCommands(maxSteps), (webhooks, commands) =>
        runGeneratedHistory(database.db(), webhooks, commands),
      ),
      { numRuns: runs, seed, endOnFailure: process.env.FUZZ_SHRINK === "0" },
    );
  });
});
