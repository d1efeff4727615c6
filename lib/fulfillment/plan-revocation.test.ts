import { randomUUID } from "node:crypto";
import { sign } from "@octokit/webhooks-methods";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { grants } from "../db/schema";
import type { Database } from "../db/types";
import { refundOrder } from "../orders/refund-order";
import { describeEachDatabase, truncateAll } from "@/test/support/database";
import { engineAgainst, payFor, repoProduct } from "@/test/support/fulfillment-fixtures";
import { useGithubEmulator } from "@/test/support/github-emulator";
import { startGithubWebhookReceiver } from "@/test/support/github-webhook-receiver";
import { checkMemberAccess } from "./check-member-access";
import { runFulfillment } from "./run-fulfillment";
import { runRevocations } from "./run-revocations";
import { syncInvitations } from "./sync-invitations";

// The orderings in which access used to go wrong (issue 11), each with GitHub's webhooks
// delivered and with none configured: the outcome must be the same.
const SECRET = "reproduction-webhook-secret";

async function grantOf(db: Database, orderId: string) {
  const [grant] = await db.select().from(grants).where(eq(grants.orderId, orderId));
  return grant!;
}

describeEachDatabase("revocation decided from GitHub's state", (database) => {
  const emulator = useGithubEmulator();
  const run = () => engineAgainst(emulator());
  let receiver: Awaited<ReturnType<typeof startGithubWebhookReceiver>>;
  beforeAll(async () => {
    receiver = await startGithubWebhookReceiver(
      () => database.db(),
      SECRET,
      () => new Date(emulator().controls.now()),
      (hint) => checkMemberAccess(database.db(), run().github, hint, run().settings.clock),
    );
  });
  afterAll(() => receiver.close());
  beforeEach(() => truncateAll(database.db()));

  /** octocat's role on acme/toolkit as GitHub reports it ("none" without access). */
  const access = async () => {
    const response = await fetch(
      `${emulator().url}/repos/acme/toolkit/collaborators/octocat/permission`,
      { headers: { authorization: "Bearer sandbox-admin-token" } },
    );
    return ((await response.json()) as { role_name?: string }).role_name ?? "none";
  };
  const openInvitations = () => emulator().controls.snapshot().invitations;

  for (const webhooks of [false, true]) {
    describe(webhooks ? "with GitHub webhooks" : "without GitHub webhooks", () => {
      beforeEach(() => {
        if (webhooks) emulator().controls.setWebhook({ url: receiver.url, secret: SECRET });
      });
      const delivered = () => (webhooks ? emulator().controls.flushWebhooks() : Promise.resolve());

      /** Pays, invites and accepts on GitHub; the grant learns it from a webhook or the sync. */
      const buyAndAccept = async (db: Database, product = "toolkit") => {
        const paid = await payFor(db, product, "octocat", run().settings.clock());
        await runFulfillment(db, run().github, run().settings);
        const invited = await grantOf(db, paid.orderId!);
        if (invited.status === "invited") {
          emulator().controls.acceptInvitation(invited.invitationId!);
          await delivered();
        }
        return paid;
      };

      it("1. a refund after the buyer accepted, before any sync, removes the collaborator", async () => {
        const db = database.db();
        await repoProduct(db);
        const paid = await buyAndAccept(db);
        await refundOrder(db, paid.orderId!, run().settings.clock());
        expect(await runRevocations(db, run().github, run().settings)).toMatchObject({
          revoked: 1,
        });
        await delivered();
        expect(await access()).toBe("none");
        expect(await grantOf(db, paid.orderId!)).toMatchObject({ status: "revoked" });
      });

      it("2. a refund after a crash between GitHub's 201 and our commit cancels the invitation", async () => {
        const db = database.db();
        const { github, settings } = run();
        await repoProduct(db);
        const paid = await payFor(db, "toolkit", "octocat", settings.clock());
        const dying = {
          ...github,
          invite: async (input: Parameters<typeof github.invite>[0]) => {
            await github.invite(input);
            throw new Error("process killed before the outcome was committed");
          },
        };
        expect(await runFulfillment(db, dying, settings)).toMatchObject({ errors: 1 });
        expect(openInvitations()).toHaveLength(1);
        await refundOrder(db, paid.orderId!, settings.clock());
        emulator().controls.advanceClock(settings.leaseMs);

        expect(await runRevocations(db, github, settings)).toMatchObject({ revoked: 1 });
        expect(openInvitations()).toEqual([]);
        expect(await grantOf(db, paid.orderId!)).toMatchObject({ status: "revoked" });
      });

      it("3. a replayed 'member removed' webhook takes nothing from a later paid order, whose refund still removes the access", async () => {
        const db = database.db();
        await repoProduct(db);
        const first = await buyAndAccept(db);
        await syncInvitations(db, run().github, run().settings.clock);
        await refundOrder(db, first.orderId!, run().settings.clock());
        await runRevocations(db, run().github, run().settings);
        await delivered();
        // Someone kept a signed "removed" body for octocat.
        const captured = JSON.stringify({
          action: "removed",
          member: { login: "octocat", id: 583231 },
          repository: { name: "toolkit", owner: { login: "acme" } },
        });

        const second = await buyAndAccept(db);
        await syncInvitations(db, run().github, run().settings.clock);
        expect(await grantOf(db, second.orderId!)).toMatchObject({ status: "active" });
        const replayed = await fetch(receiver.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-github-event": "member",
            "x-github-delivery": randomUUID(),
            "x-hub-signature-256": await sign(SECRET, captured),
          },
          body: captured,
        });
        expect(replayed.status).toBe(200);
        expect(await grantOf(db, second.orderId!)).toMatchObject({ status: "active" });
        expect(await access()).toBe("read");

        await refundOrder(db, second.orderId!, run().settings.clock());
        expect(await runRevocations(db, run().github, run().settings)).toMatchObject({
          revoked: 1,
        });
        await delivered();
        expect(await access()).toBe("none");
      });

      it("4. refunding one of two paid orders keeps the access the other pays for", async () => {
        const db = database.db();
        await repoProduct(db);
        const first = await buyAndAccept(db);
        await syncInvitations(db, run().github, run().settings.clock);
        const second = await payFor(db, "toolkit", "octocat", run().settings.clock());
        expect(await runFulfillment(db, run().github, run().settings)).toMatchObject({
          active: 1,
        });
        expect(await grantOf(db, second.orderId!)).toMatchObject({
          status: "active",
          githubUserId: 583231,
        });

        await refundOrder(db, first.orderId!, run().settings.clock());
        expect(await runRevocations(db, run().github, run().settings)).toMatchObject({ kept: 1 });
        await delivered();
        expect(await access()).toBe("read");
        expect(await grantOf(db, second.orderId!)).toMatchObject({ status: "active" });
      });
    });
  }
});
