import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { grants } from "../db/schema";
import { describeEachDatabase, truncateAll } from "@/test/support/database";
import type { Database } from "../db/types";
import { refundOrder } from "../orders/refund-order";
import {
  engineAgainst,
  payFor,
  seedWithBuyers,
  teamProduct,
} from "@/test/support/fulfillment-fixtures";
import { startGithubWebhookReceiver } from "@/test/support/github-webhook-receiver";
import { EMULATOR_START, useGithubEmulator } from "@/test/support/github-emulator";
import { checkMemberAccess } from "./check-member-access";
import { runFulfillment } from "./run-fulfillment";
import { runRevocations } from "./run-revocations";
import { syncInvitations } from "./sync-invitations";

const DAY = 24 * 60 * 60_000;
const WEBHOOK_SECRET = "teams-webhook-secret";
const MEMBERSHIP_ROUTE = "GET /orgs/{org}/teams/{team_slug}/memberships/{username}";
const TEAM_PUT = "PUT /orgs/{org}/teams/{team_slug}/memberships/{username}";

async function grantById(db: Database, id: number) {
  const [grant] = await db.select().from(grants).where(eq(grants.id, id));
  return grant!;
}

describeEachDatabase("team entitlements", (database) => {
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

  /** The team's members on GitHub, by login and role. */
  const teamMembers = () => {
    const state = emulator().controls.snapshot();
    const team = state.orgs.find((o) => o.login === "acme")!.teams[0]!;
    return team.members.map((m) => {
      const user = state.users.find((u) => u.id === m.userId)!;
      return `${user.login}:${m.role}`;
    });
  };

  /** The buyer accepts the organization invitation with their own token, as on github.com. */
  const acceptAs = async (token: string) => {
    const response = await fetch(`${emulator().url}/user/memberships/orgs/acme`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ state: "active" }),
    });
    expect(response.status).toBe(200);
  };

  async function pendingGrant(db: Database, run: ReturnType<typeof engineAgainst>) {
    await teamProduct(db);
    const paid = await payFor(db, "team", "octocat", run.settings.clock());
    expect(await runFulfillment(db, run.github, run.settings)).toMatchObject({ invited: 1 });
    return grantById(db, paid.grantIds[0]!);
  }

  it("a buyer outside the organization is pending until they accept, then active via the webhook", async () => {
    const db = database.db();
    const run = engineAgainst(emulator());
    const grant = await pendingGrant(db, run);
    const sent = new Date(run.settings.clock().getTime());
    expect(grant).toMatchObject({
      status: "invited",
      invitationUrl: "https://github.com/orgs/acme/invitation",
    });
    expect(grant.invitationId).toBe(emulator().controls.snapshot().orgInvitations[0]?.id);
    expect(grant.expiresAt!.getTime() - sent.getTime()).toBeGreaterThan(7 * DAY - 60_000);
    expect(teamMembers()).toEqual([]);

    emulator().controls.setWebhook({ url: receiver.url, secret: WEBHOOK_SECRET });
    await acceptAs("sandbox-token-octocat");
    await emulator().controls.flushWebhooks();
    const delivered = emulator().controls.webhookDeliveries.map((d) => [d.event, d.action]);
    expect(delivered).toContainEqual(["membership", "added"]);
    expect(await grantById(db, grant.id)).toMatchObject({ status: "active" });
    expect(teamMembers()).toEqual(["octocat:member"]);
  });

  it("a member removed from the team on GitHub is revoked via the webhook", async () => {
    const db = database.db();
    const run = engineAgainst(emulator());
    await teamProduct(db);
    const paid = await payFor(db, "team", "acme-member", run.settings.clock());
    await runFulfillment(db, run.github, run.settings);
    emulator().controls.setWebhook({ url: receiver.url, secret: WEBHOOK_SECRET });
    const response = await fetch(
      `${emulator().url}/orgs/acme/teams/toolkit-users/memberships/acme-member`,
      { method: "DELETE", headers: { authorization: "Bearer sandbox-admin-token" } },
    );
    expect(response.status).toBe(204);
    await emulator().controls.flushWebhooks();
    expect(await grantById(db, paid.grantIds[0]!)).toMatchObject({
      status: "revoked",
      lastError: { message: "removed on GitHub" },
    });
  });

  it("without webhooks, the sync reads each pending membership and finds it accepted", async () => {
    const db = database.db();
    const run = engineAgainst(emulator());
    const grant = await pendingGrant(db, run);
    await acceptAs("sandbox-token-octocat");

    emulator().requestLog.reset();
    expect(await syncInvitations(db, run.github, run.settings.clock)).toMatchObject({ active: 1 });
    expect(emulator().requestLog.count(MEMBERSHIP_ROUTE)).toBe(1);
    expect(await grantById(db, grant.id)).toMatchObject({ status: "active" });
  });

  it("an organization member joins the team at once", async () => {
    const db = database.db();
    const run = engineAgainst(emulator());
    await teamProduct(db, { teamRole: "maintainer" });
    const paid = await payFor(db, "team", "acme-member", run.settings.clock());
    expect(await runFulfillment(db, run.github, run.settings)).toMatchObject({ active: 1 });
    expect(await grantById(db, paid.grantIds[0]!)).toMatchObject({ status: "active" });
    expect(teamMembers()).toEqual(["acme-member:maintainer"]);
    expect(emulator().controls.snapshot().orgInvitations).toEqual([]);
  });

  it("an organization invitation left 8 days expires and is sent once more, then waits", async () => {
    const db = database.db();
    const run = engineAgainst(emulator());
    const first = await pendingGrant(db, run);

    emulator().controls.advanceClock(8 * DAY);
    expect(await syncInvitations(db, run.github, run.settings.clock)).toMatchObject({
      expired: 1,
      resent: 1,
    });
    expect(await runFulfillment(db, run.github, run.settings)).toMatchObject({ invited: 1 });
    const second = await grantById(db, first.id);
    expect(second).toMatchObject({ status: "invited", resends: 1 });
    expect(second.invitationId).not.toBe(first.invitationId);

    emulator().controls.advanceClock(8 * DAY);
    expect(await syncInvitations(db, run.github, run.settings.clock)).toMatchObject({
      expired: 1,
      resent: 0,
    });
    expect(await grantById(db, first.id)).toMatchObject({ status: "expired" });
  });

  it("a refund withdraws a pending membership and its organization invitation", async () => {
    const db = database.db();
    const run = engineAgainst(emulator());
    const grant = await pendingGrant(db, run);
    await refundOrder(db, grant.orderId, run.settings.clock());
    expect(await runRevocations(db, run.github, run.settings)).toMatchObject({ revoked: 1 });
    expect(await grantById(db, grant.id)).toMatchObject({ status: "revoked" });
    expect(emulator().controls.snapshot().orgInvitations).toEqual([]);
  });

  it("a refund removes an active member, unless another paid order keeps them; a kept maintainer is lowered", async () => {
    const db = database.db();
    const run = engineAgainst(emulator());
    await teamProduct(db, { slug: "team-maintainer", teamRole: "maintainer" });
    await teamProduct(db, { slug: "team-member", teamRole: "member" });
    const asMaintainer = await payFor(db, "team-maintainer", "acme-member", run.settings.clock());
    const asMember = await payFor(db, "team-member", "acme-member", run.settings.clock());
    await runFulfillment(db, run.github, run.settings);
    expect(teamMembers()).toEqual(["acme-member:maintainer"]);

    await refundOrder(db, asMaintainer.orderId!, run.settings.clock());
    expect(await runRevocations(db, run.github, run.settings)).toMatchObject({ lowered: 1 });
    expect(teamMembers()).toEqual(["acme-member:member"]);

    await refundOrder(db, asMember.orderId!, run.settings.clock());
    expect(await runRevocations(db, run.github, run.settings)).toMatchObject({ revoked: 1 });
    expect(teamMembers()).toEqual([]);
  });
});

// GitHub limits organization invitations to 50 per 24 h for an organization younger than a
// month on the free plan: the emulator's acme is made one day old here.
function youngOrgSeed() {
  const seed = seedWithBuyers(60);
  const createdAt = new Date(EMULATOR_START - DAY).toISOString();
  return { ...seed, orgs: (seed.orgs ?? []).map((org) => ({ ...org, createdAt })) };
}

describeEachDatabase("organization invitation limit", (database) => {
  const emulator = useGithubEmulator({ seed: youngOrgSeed() });
  beforeEach(() => truncateAll(database.db()));

  it("sells a team to 60 non-members of one organization: 50 invited, 10 waiting, no 422", async () => {
    const db = database.db();
    const run = engineAgainst(emulator());
    await teamProduct(db);
    for (let i = 1; i <= 60; i++) {
      await payFor(db, "team", `buyer-${String(i).padStart(3, "0")}`, run.settings.clock());
    }
    while ((await runFulfillment(db, run.github, run.settings)).claimed > 0);

    const rows = await db.select().from(grants).orderBy(grants.id);
    expect(rows.filter((g) => g.status === "invited")).toHaveLength(50);
    const waiting = rows.filter((g) => g.status === "queued");
    expect(waiting).toHaveLength(10);
    for (const grant of waiting) {
      expect(grant.lastError).toMatchObject({ code: "waiting_for_daily_invite_limit" });
      expect(grant.lastError!.message).toContain("organization");
      expect(grant.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(EMULATOR_START + DAY);
    }
    expect(emulator().requestLog.count(TEAM_PUT, 422)).toBe(0);
    expect(emulator().controls.snapshot().orgInvitations).toHaveLength(50);

    // A day later the window has room again: the ten are invited, still without a 422.
    emulator().controls.advanceClock(DAY + 60_000);
    while ((await runFulfillment(db, run.github, run.settings)).claimed > 0);
    const after = await db.select().from(grants);
    expect(after.filter((g) => g.status === "invited")).toHaveLength(60);
    expect(emulator().requestLog.count(TEAM_PUT, 422)).toBe(0);
  });

  it("an organization member joins at once even when the window is full", async () => {
    const db = database.db();
    const run = engineAgainst(emulator(), { settings: { orgInviteDailyLimit: 1 } });
    await teamProduct(db);
    await payFor(db, "team", "buyer-001", run.settings.clock());
    await payFor(db, "team", "acme-member", run.settings.clock());
    expect(await runFulfillment(db, run.github, run.settings)).toMatchObject({
      invited: 1,
      active: 1,
    });
  });
});
