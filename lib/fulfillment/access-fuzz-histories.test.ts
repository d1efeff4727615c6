import { it } from "vitest";
import { replayHistory } from "@/test/support/access-fuzz/run-history";
import { step } from "@/test/support/access-fuzz/steps";
import { describeEachDatabase } from "@/test/support/database";

// Every history the access fuzz (access-fuzz.test.ts) found breaking an invariant, kept as a
// plain test: replayed step by step through the same harness, settled, and checked the same way.
describeEachDatabase("histories the access fuzz found", (database) => {
  it("a crash right after GitHub removed a refunded collaborator still leaves the removal in the grant's trail", async () => {
    await replayHistory(database.db(), {
      webhooks: true,
      steps: [
        step.pay("octocat", "pull", "login"),
        step.pass("fulfill"),
        step.accept("octocat"),
        step.refund(1),
        step.crash("revoke"),
      ],
    });
  });

  it("a crash right after GitHub deleted a refunded invitation still leaves the deletion in the grant's trail", async () => {
    await replayHistory(database.db(), {
      webhooks: false,
      steps: [
        step.pay("octocat", "pull", "login"),
        step.pass("fulfill"),
        step.refund(1),
        step.crash("revoke"),
      ],
    });
  });
});
