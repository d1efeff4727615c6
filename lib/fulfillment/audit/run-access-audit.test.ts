import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { grantEvents, grants } from "../../db/schema";
import type { Database } from "../../db/types";
import { transitionGrant } from "../../grants";
import { refundOrder } from "../../orders/refund-order";
import { describeEachDatabase, truncateAll } from "@/test/support/database";
import {
  engineAgainst,
  payFor,
  repoProduct,
  teamProduct,
} from "@/test/support/fulfillment-fixtures";
import { dyingAfterFirstWrite } from "@/test/support/access-fuzz/crash";
import { callApi, useGithubEmulator } from "@/test/support/github-emulator";
import { runFulfillment } from "../run-fulfillment";
import { syncInvitations } from "../sync-invitations";
import { lastAccessAudit, runAccessAudit, runAccessAuditIfDue } from "./run-access-audit";

const MINUTE = 60_000;

async function grantOf(db: Database, orderId: string) {
  const [grant] = await db.select().from(grants).where(eq(grants.orderId, orderId));
  return grant!;
}

describeEachDatabase("the access audit", (database) => {
  const emulator = useGithubEmulator();
  const run = () => engineAgainst(emulator());
  const clock = () => run().settings.clock();
  const audit = () => runAccessAudit(database.db(), run().github, { clock, trigger: "schedule" });
  beforeEach(() => truncateAll(database.db()));

  const api = (method: string, path: string, token?: string) =>
    callApi(emulator(), method, path, token ? { token } : {});
  const repoRole = async (login: string) => {
    const answer = await api("GET", `/repos/acme/toolkit/collaborators/${login}/permission`);
    return (answer.body as { role_name?: string }).role_name ?? "none";
  };
  const openInvitations = () =>
    emulator()
      .controls.snapshot()
      .invitations.map((i) => i.inviteeId);
  const inOrg = async (login: string) =>
    (await api("GET", `/orgs/acme/members/${login}`)).status === 204;
  /** The merchant adds someone on GitHub by hand, outside Repogrant. */
  const addedByHand = async (login: string) => {
    await api("PUT", `/repos/acme/toolkit/collaborators/${login}`);
    const state = emulator().controls.snapshot();
    const user = state.users.find((u) => u.login === login)!;
    const invitation = state.invitations.find((i) => i.inviteeId === user.id)!;
    emulator().controls.acceptInvitation(invitation.id);
  };

  /**
   * A refund the engine used to conclude wrongly (issue 11, reproductions 1 and 2): the grant
   * marked revoked while GitHub still held the access or an invitation.
   */
  const refundedButLeftOnGithub = async (db: Database, orderId: string) => {
    await refundOrder(db, orderId, clock());
    emulator().controls.advanceClock(MINUTE);
    const grant = await grantOf(db, orderId);
    await transitionGrant(db, {
      grants: grant.id,
      set: { status: "revoked", revokedAt: clock() },
      event: { kind: "revoked", at: clock(), detail: { outcome: "nothing_on_github" } },
    });
  };

  const buyAndAccept = async (db: Database, login = "octocat") => {
    const paid = await payFor(db, "toolkit", login, clock());
    await runFulfillment(db, run().github, run().settings);
    const grant = await grantOf(db, paid.orderId!);
    emulator().controls.acceptInvitation(grant.invitationId!);
    await syncInvitations(db, run().github, run().settings.clock);
    return paid;
  };

  it("a pass killed right after GitHub answered a removal still leaves the removal in the trail", async () => {
    const db = database.db();
    await repoProduct(db);
    const paid = await buyAndAccept(db);
    await refundedButLeftOnGithub(db, paid.orderId!);
    const dying = dyingAfterFirstWrite(run().github, async () => {});
    await runAccessAudit(db, dying, { clock, trigger: "schedule" }).catch(() => undefined);

    expect(await repoRole("octocat")).toBe("none");
    const grant = await grantOf(db, paid.orderId!);
    const written = await db
      .select()
      .from(grantEvents)
      .where(and(eq(grantEvents.grantId, grant.id), eq(grantEvents.kind, "audit_removed")));
    // GitHub's answer never reached us, but the write it answered is on record.
    expect(written).toHaveLength(1);
  });

  it("with nothing to fix, reads each repository and team with one list of each kind", async () => {
    const db = database.db();
    await repoProduct(db);
    await teamProduct(db);
    await buyAndAccept(db);
    await payFor(db, "team", "acme-member", clock());
    await runFulfillment(db, run().github, run().settings);

    const result = await audit();
    expect(result).toMatchObject({ removed: 0, settled: 0, failedTargets: 0, githubCalls: 4 });
    expect(result.targets).toEqual([
      { target: "acme/toolkit", kind: "github_repo", githubCalls: 2, findings: [] },
      { target: "acme/toolkit-users", kind: "github_team", githubCalls: 2, findings: [] },
    ]);
  });

  it("removes a refunded buyer left as a collaborator, with a grant event, and keeps the result", async () => {
    const db = database.db();
    await repoProduct(db);
    const paid = await buyAndAccept(db);
    await refundedButLeftOnGithub(db, paid.orderId!);
    expect(await repoRole("octocat")).toBe("read");

    const result = await audit();
    expect(await repoRole("octocat")).toBe("none");
    const grant = await grantOf(db, paid.orderId!);
    expect(result).toMatchObject({ removed: 1, settled: 0 });
    expect(result.targets[0]!.findings).toEqual([
      {
        login: "octocat",
        finding: "left_over",
        action: "removed",
        grantIds: [grant.id],
        removed: ["collaborator"],
      },
    ]);
    const events = await db
      .select()
      .from(grantEvents)
      .where(and(eq(grantEvents.grantId, grant.id), eq(grantEvents.kind, "audit_removed")));
    expect(events).toEqual([
      expect.objectContaining({
        githubStatus: 204,
        detail: expect.objectContaining({
          request: "DELETE /repos/acme/toolkit/collaborators/octocat",
        }) as unknown,
      }),
    ]);
    expect(await lastAccessAudit(db)).toMatchObject({ id: result.id, removed: 1 });
    // Done once: the next pass finds nothing left.
    expect(await audit()).toMatchObject({ removed: 0, settled: 0 });
  });

  it("cancels an invitation a crash left behind for a refunded order", async () => {
    const db = database.db();
    await repoProduct(db);
    const paid = await payFor(db, "toolkit", "octocat", clock());
    const { github, settings } = run();
    const dying = {
      ...github,
      invite: async (input: Parameters<typeof github.invite>[0]) => {
        await github.invite(input);
        throw new Error("process killed before the outcome was committed");
      },
    };
    await runFulfillment(db, dying, settings);
    await refundedButLeftOnGithub(db, paid.orderId!);
    expect(openInvitations()).toEqual([583231]);

    expect(await audit()).toMatchObject({ removed: 1 });
    expect(openInvitations()).toEqual([]);
  });

  it("never touches collaborators the merchant added outside Repogrant", async () => {
    const db = database.db();
    await repoProduct(db);
    const paid = await buyAndAccept(db);
    await refundedButLeftOnGithub(db, paid.orderId!);
    await addedByHand("hubot");
    expect(await repoRole("hubot")).toBe("write");

    expect(await audit()).toMatchObject({ removed: 1 });
    expect(await repoRole("hubot")).toBe("write");
    expect(await repoRole("acme-member")).toBe("read");
    expect(await repoRole("octocat")).toBe("none");
    // A refunded buyer the merchant invites again by hand, after the refund, is theirs too.
    emulator().controls.advanceClock(MINUTE);
    await api("PUT", "/repos/acme/toolkit/collaborators/octocat");
    expect(await audit()).toMatchObject({ removed: 0 });
    expect(openInvitations()).toEqual([583231]);
  });

  it("settles grants whose access or invitation GitHub no longer has", async () => {
    const db = database.db();
    await repoProduct(db);
    const accepted = await buyAndAccept(db);
    const pending = await payFor(db, "toolkit", "hubot", clock());
    await runFulfillment(db, run().github, run().settings);
    // The merchant removes octocat and deletes hubot's invitation on GitHub; no webhook came.
    await api("DELETE", "/repos/acme/toolkit/collaborators/octocat");
    const invitation = (await grantOf(db, pending.orderId!)).invitationId!;
    await api("DELETE", `/repos/acme/toolkit/invitations/${invitation}`);

    const result = await audit();
    expect(result).toMatchObject({ removed: 0, settled: 2 });
    expect(await grantOf(db, accepted.orderId!)).toMatchObject({
      status: "revoked",
      lastError: { code: "removed_on_github" },
    });
    expect(await grantOf(db, pending.orderId!)).toMatchObject({ status: "declined" });
    expect(result.targets[0]!.findings.map((f) => [f.login, f.finding])).toEqual([
      ["octocat", "gone"],
      ["hubot", "gone"],
    ]);
  });

  it("runs on the worker's schedule: an interval after the last audit, the merchant's included", async () => {
    const db = database.db();
    await repoProduct(db);
    const paid = await buyAndAccept(db);
    const HOUR = 60 * MINUTE;
    const due = () => runAccessAuditIfDue(db, run().github, { clock, intervalMs: HOUR });
    expect(await due()).toMatchObject({ trigger: "schedule" });
    await refundedButLeftOnGithub(db, paid.orderId!);
    const merchant = await runAccessAudit(db, run().github, { clock, trigger: "merchant" });
    expect(merchant).toMatchObject({ trigger: "merchant", removed: 1 });
    emulator().controls.advanceClock(HOUR - MINUTE);
    expect(await due()).toBeNull();
    emulator().controls.advanceClock(MINUTE);
    expect(await due()).toMatchObject({ trigger: "schedule", removed: 0 });
    expect(await lastAccessAudit(db)).toMatchObject({ trigger: "schedule" });
  });

  describe("on a team", () => {
    it("removes a refunded buyer left in the team and the organization our invitation made them join", async () => {
      const db = database.db();
      await teamProduct(db);
      const paid = await payFor(db, "team", "octocat", clock());
      await runFulfillment(db, run().github, run().settings);
      emulator().controls.acceptOrgInvitation("acme", "octocat");
      await syncInvitations(db, run().github, run().settings.clock);
      // acme-member is in the team by the merchant's hand.
      await api("PUT", "/orgs/acme/teams/toolkit-users/memberships/acme-member");
      await refundedButLeftOnGithub(db, paid.orderId!);
      expect(await inOrg("octocat")).toBe(true);

      const result = await audit();
      expect(result.targets[0]!.findings).toEqual([
        expect.objectContaining({
          login: "octocat",
          action: "removed",
          removed: ["team_member", "org_member"],
        }),
      ]);
      expect(await inOrg("octocat")).toBe(false);
      const kept = await api("GET", "/orgs/acme/teams/toolkit-users/memberships/acme-member");
      expect(kept.status).toBe(200);
      expect(await inOrg("acme-member")).toBe(true);
    });

    it("settles a team grant whose membership GitHub no longer has", async () => {
      const db = database.db();
      await teamProduct(db);
      const paid = await payFor(db, "team", "acme-member", clock());
      await runFulfillment(db, run().github, run().settings);
      await api("DELETE", "/orgs/acme/teams/toolkit-users/memberships/acme-member");

      expect(await audit()).toMatchObject({ settled: 1 });
      expect(await grantOf(db, paid.orderId!)).toMatchObject({ status: "revoked" });
    });
  });
});
