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

  it("refunding an order that named the buyer by id, before it was sent, keeps the invitation a later order by login paid for", async () => {
    await replayHistory(database.db(), {
      webhooks: false,
      steps: [
        step.pay("legacy-buyer", "pull", "id"),
        step.refund(1),
        step.pay("legacy-buyer", "pull", "login"),
      ],
    });
  });

  it("an order for write, retried after a rate limit, does not settle for the read invitation an earlier order got meanwhile", async () => {
    await replayHistory(database.db(), {
      webhooks: false,
      steps: [
        step.pay("legacy-buyer", "pull", "login"),
        step.pay("legacy-buyer", "push", "id"),
        step.secondaryRateLimit(30),
        step.pass("fulfill"),
      ],
    });
  });

  // Histories that first broke the fuzz's own checks, kept so the harness keeps telling GitHub's
  // refusals, expiries and declines apart from duplicate invitations.
  it("a crash after GitHub refused an invitation for its daily limit sends it once the limit lifts", async () => {
    await replayHistory(database.db(), {
      webhooks: false,
      steps: [
        step.pay("octocat", "pull", "login"),
        step.dailyLimitReached(),
        step.crash("fulfill"),
      ],
    });
  });

  it("a crash after GitHub's 201, then a week, sends one new invitation for the expired one", async () => {
    await replayHistory(database.db(), {
      webhooks: false,
      steps: [
        step.pay("octocat", "pull", "login"),
        step.crash("fulfill"),
        step.expireInvitations(),
      ],
    });
  });

  it("a crash after GitHub's 201, then a decline, may invite again: GitHub shows a declined invitation as never sent", async () => {
    await replayHistory(database.db(), {
      webhooks: false,
      steps: [step.pay("hubot", "pull", "login"), step.crash("fulfill"), step.decline("hubot")],
    });
  });

  it("a buyer who declined a write invitation and then buys read gets read or write, never nothing (audit noticed the decline first)", async () => {
    await replayHistory(database.db(), {
      webhooks: false,
      steps: [
        step.pay("octocat", "pull", "login"),
        step.pay("hubot", "push", "login"),
        step.pass("fulfill"),
        step.decline("hubot"),
        step.pay("hubot", "pull", "login"),
        step.crash("audit"),
        step.refund(1),
      ],
    });
  });

  it("a crash after GitHub's 201, then a second order for write, raises the open invitation instead of sending another", async () => {
    await replayHistory(database.db(), {
      webhooks: false,
      steps: [
        step.pay("legacy-buyer", "pull", "login"),
        step.crash("fulfill"),
        step.pay("legacy-buyer", "push", "login"),
        step.wait(360),
      ],
    });
  });
});
