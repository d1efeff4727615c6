import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { buyers, grants } from "../db/schema";
import { describeEachDatabase, truncateAll } from "@/test/support/database";
import type { Database } from "../db/types";
import { applyOrderEvent } from "../orders/apply-order-event";
import { engineAgainst, payFor, repoProduct } from "@/test/support/fulfillment-fixtures";
import { startGithubWebhookReceiver } from "@/test/support/github-webhook-receiver";
import { useGithubEmulator } from "@/test/support/github-emulator";
import { resendInvitation } from "../grants";
import { checkMemberAccess } from "./check-member-access";
import { runFulfillment } from "./run-fulfillment";
import { syncInvitations } from "./sync-invitations";

const DAY = 24 * 60 * 60_000;
const WEBHOOK_SECRET = "tracking-webhook-secret";

async function invitedGrant(
  db: Database,
  run: ReturnType<typeof engineAgainst>,
  login = "octocat",
) {
  await repoProduct(db);
  const paid = await payFor(db, "toolkit", login, run.settings.clock());
  expect(await runFulfillment(db, run.github, run.settings)).toMatchObject({ invited: 1 });
  return grantById(db, paid.grantIds[0]!);
}

async function grantById(db: Database, id: number) {
  const [grant] = await db.select().from(grants).where(eq(grants.id, id));
  return grant!;
}

/** The buyer answers the invitation on GitHub with their own token, as they would. */
async function answerAsInvitee(url: string, invitationId: number, token: string, accept: boolean) {
  const response = await fetch(`${url}/user/repository_invitations/${invitationId}`, {
    method: accept ? "PATCH" : "DELETE",
    headers: { authorization: `Bearer ${token}`, accept: "application/vnd.github+json" },
  });
  expect(response.status).toBe(204);
}

describeEachDatabase("invitations followed to the end", (database) => {
  const emulator = useGithubEmulator();
  let receiver: Awaited<ReturnType<typeof startGithubWebhookReceiver>>;
  beforeAll(async () => {
    receiver = await startGithubWebhookReceiver(
      () => database.db(),
      WEBHOOK_SECRET,
      () => new Date(emulator().controls.now()),
      (hint) => {
        const { github, settings } = engineAgainst(emulator());
        return checkMemberAccess(database.db(), github, hint, settings.clock);
      },
    );
  });
  afterAll(() => receiver.close());
  beforeEach(() => truncateAll(database.db()));

  it("an accepted invitation becomes active through GitHub's member webhook", async () => {
    const db = database.db();
    emulator().controls.setWebhook({ url: receiver.url, secret: WEBHOOK_SECRET });
    const grant = await invitedGrant(db, engineAgainst(emulator()));
    await answerAsInvitee(emulator().url, grant.invitationId!, "sandbox-token-octocat", true);
    await emulator().controls.flushWebhooks();
    expect(emulator().controls.webhookDeliveries.map((d) => [d.event, d.action, d.status])).toEqual(
      [["member", "added", 200]],
    );
    expect(await grantById(db, grant.id)).toMatchObject({ status: "active" });
  });

  it("without webhooks, the sync finds acceptance and decline with one list per repository", async () => {
    const db = database.db();
    const run = engineAgainst(emulator());
    const accepted = await invitedGrant(db, run, "octocat");
    const declined = (await payFor(db, "toolkit", "hubot", run.settings.clock())).grantIds[0]!;
    const neverInvited = (await payFor(db, "toolkit", "no-such-user", run.settings.clock()))
      .grantIds[0]!;
    await runFulfillment(db, run.github, run.settings);
    const hubot = await grantById(db, declined);
    await answerAsInvitee(emulator().url, accepted.invitationId!, "sandbox-token-octocat", true);
    await answerAsInvitee(emulator().url, hubot.invitationId!, "sandbox-token-hubot", false);

    emulator().requestLog.reset();
    const summary = await syncInvitations(db, run.github, run.settings.clock);
    expect(summary).toMatchObject({ repositories: 1, active: 1, declined: 1 });
    // One list, plus a collaborator check for each of the two that left the list.
    expect(emulator().requestLog.count("GET /repos/{owner}/{repo}/invitations")).toBe(1);
    expect(summary.githubCalls).toBe(1 + 2 * 2);
    expect((await grantById(db, accepted.id)).status).toBe("active");
    expect((await grantById(db, declined)).status).toBe("declined");
    expect((await grantById(db, neverInvited)).status).toBe("failed");
  });

  it("an expired invitation is re-sent once automatically, then waits for the buyer to ask", async () => {
    const db = database.db();
    const run = engineAgainst(emulator());
    const first = await invitedGrant(db, run);

    emulator().controls.advanceClock(8 * DAY);
    expect(await syncInvitations(db, run.github, run.settings.clock)).toMatchObject({
      expired: 1,
      resent: 1,
    });
    expect(await runFulfillment(db, run.github, run.settings)).toMatchObject({ invited: 1 });
    const second = await grantById(db, first.id);
    expect(second).toMatchObject({ status: "invited", resends: 1 });
    expect(second.invitationId).not.toBe(first.invitationId);
    // The stale invitation was deleted before the new one was sent.
    expect(
      emulator()
        .controls.snapshot()
        .invitations.map((i) => i.id),
    ).toEqual([second.invitationId]);

    emulator().controls.advanceClock(8 * DAY);
    expect(await syncInvitations(db, run.github, run.settings.clock)).toMatchObject({
      expired: 1,
      resent: 0,
    });
    expect(await runFulfillment(db, run.github, run.settings)).toMatchObject({ claimed: 0 });
    expect((await grantById(db, first.id)).status).toBe("expired");

    // Only the buyer who owns the grant can ask.
    const stranger = { buyerId: "00000000-0000-4000-8000-000000000000" };
    expect(await resendInvitation(db, first.id, stranger, run.settings.clock())).toBe(false);
    const owner = { buyerId: first.buyerId! };
    expect(await resendInvitation(db, first.id, owner, run.settings.clock())).toBe(true);
    expect(await runFulfillment(db, run.github, run.settings)).toMatchObject({ invited: 1 });
    expect(await grantById(db, first.id)).toMatchObject({ status: "invited", resends: 2 });
  });

  it("a renamed buyer is invited under the new login, found by their GitHub user id", async () => {
    const db = database.db();
    const run = engineAgainst(emulator());
    await repoProduct(db);
    await db.insert(buyers).values({ githubUserId: 583231, githubLogin: "octocat" });
    const paid = await applyOrderEvent(db, {
      source: "orders",
      deliveryId: "msg_rename",
      now: run.settings.clock(),
      event: {
        type: "order.paid",
        data: { externalId: "o_rename", product: "toolkit", buyer: { githubUserId: 583231 } },
      },
    });
    emulator().controls.renameUser("octocat", "octo-renamed");

    expect(await runFulfillment(db, run.github, run.settings)).toMatchObject({ invited: 1 });
    expect(await grantById(db, paid.grantIds[0]!)).toMatchObject({
      status: "invited",
      githubLogin: "octo-renamed",
    });
    const [invitation] = emulator().controls.snapshot().invitations;
    expect(invitation).toBeDefined();
    const [buyer] = await db.select().from(buyers).where(eq(buyers.githubUserId, 583231));
    expect(buyer!.githubLogin).toBe("octo-renamed");
  });
});
