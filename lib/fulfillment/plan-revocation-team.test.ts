import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { grants } from "../db/schema";
import type { Database } from "../db/types";
import { refundOrder } from "../orders/refund-order";
import { describeEachDatabase, truncateAll } from "@/test/support/database";
import { engineAgainst, payFor, teamProduct } from "@/test/support/fulfillment-fixtures";
import { useGithubEmulator } from "@/test/support/github-emulator";
import { startGithubWebhookReceiver } from "@/test/support/github-webhook-receiver";
import { checkMemberAccess } from "./check-member-access";
import { runFulfillment } from "./run-fulfillment";
import { runRevocations } from "./run-revocations";
import { syncInvitations } from "./sync-invitations";

// Reproduction 5 of issue 11: a refunded team grant left the buyer in the organization our
// invitation brought them into, where the base role (acme's is `read`) still opened every
// private repository. With GitHub's webhooks delivered and with none configured alike.
const SECRET = "team-reproduction-secret";

async function grantOf(db: Database, orderId: string) {
  const [grant] = await db.select().from(grants).where(eq(grants.orderId, orderId));
  return grant!;
}

describeEachDatabase("a refunded team grant and the organization", (database) => {
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

  const api = (path: string) =>
    fetch(`${emulator().url}${path}`, { headers: { authorization: "Bearer sandbox-admin-token" } });
  const inOrg = async (login: string) => (await api(`/orgs/acme/members/${login}`)).status === 204;
  /** What the login can do on acme's private toolkit repository ("none" without access). */
  const repoRole = async (login: string) => {
    const response = await api(`/repos/acme/toolkit/collaborators/${login}/permission`);
    return ((await response.json()) as { role_name?: string }).role_name ?? "none";
  };

  for (const webhooks of [false, true]) {
    describe(webhooks ? "with GitHub webhooks" : "without GitHub webhooks", () => {
      beforeEach(() => {
        if (webhooks) emulator().controls.setWebhook({ url: receiver.url, secret: SECRET });
      });
      const delivered = () => (webhooks ? emulator().controls.flushWebhooks() : Promise.resolve());

      const buyTeam = async (db: Database, login: string) => {
        const paid = await payFor(db, "team", login, run().settings.clock());
        await runFulfillment(db, run().github, run().settings);
        return paid;
      };
      const acceptAndSync = async (db: Database, login: string) => {
        emulator().controls.acceptOrgInvitation("acme", login);
        await delivered();
        await syncInvitations(db, run().github, run().settings.clock);
      };
      const refund = async (db: Database, orderId: string) => {
        await refundOrder(db, orderId, run().settings.clock());
        const summary = await runRevocations(db, run().github, run().settings);
        await delivered();
        return summary;
      };

      it("5. a refund takes the buyer out of the organization our invitation brought them into", async () => {
        const db = database.db();
        await teamProduct(db);
        expect(await inOrg("octocat")).toBe(false);
        const paid = await buyTeam(db, "octocat");
        expect(await grantOf(db, paid.orderId!)).toMatchObject({
          status: "invited",
          orgMemberBefore: false,
        });
        await acceptAndSync(db, "octocat");
        expect(await grantOf(db, paid.orderId!)).toMatchObject({ status: "active" });
        // The base role opens the org's private repository to every member.
        expect(await repoRole("octocat")).toBe("read");

        expect(await refund(db, paid.orderId!)).toMatchObject({ revoked: 1 });
        expect(await inOrg("octocat")).toBe(false);
        expect(await repoRole("octocat")).toBe("none");
        expect(await grantOf(db, paid.orderId!)).toMatchObject({ status: "revoked" });
      });

      it("5. a member who was in the organization before buying stays in it after the refund", async () => {
        const db = database.db();
        await teamProduct(db);
        const paid = await buyTeam(db, "acme-member");
        expect(await grantOf(db, paid.orderId!)).toMatchObject({
          status: "active",
          orgMemberBefore: true,
        });
        expect(await refund(db, paid.orderId!)).toMatchObject({ revoked: 1 });
        const team = await api("/orgs/acme/teams/toolkit-users/memberships/acme-member");
        expect(team.status).toBe(404);
        expect(await inOrg("acme-member")).toBe(true);
        expect(await repoRole("acme-member")).toBe("read");
      });

      it("5. the organization stays while another paid order still needs it", async () => {
        const db = database.db();
        await teamProduct(db);
        const first = await buyTeam(db, "octocat");
        await acceptAndSync(db, "octocat");
        const second = await buyTeam(db, "octocat");
        // Already a member by then: GitHub adds them at once.
        expect(await grantOf(db, second.orderId!)).toMatchObject({
          status: "active",
          orgMemberBefore: true,
        });

        expect(await refund(db, first.orderId!)).toMatchObject({ kept: 1 });
        expect(await inOrg("octocat")).toBe(true);
        // The last paid order goes: so does the membership our first invitation created.
        expect(await refund(db, second.orderId!)).toMatchObject({ revoked: 1 });
        expect(await inOrg("octocat")).toBe(false);
        expect(await repoRole("octocat")).toBe("none");
      });
    });
  }
});
