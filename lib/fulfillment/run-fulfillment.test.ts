import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { grantEvents, grants } from "../db/schema";
import { describeEachDatabase, truncateAll } from "@/test/support/database";
import type { Database } from "../db/types";
import {
  engineAgainst,
  payFor,
  seedWithBuyers,
  repoProduct,
} from "@/test/support/fulfillment-fixtures";
import { useGithubEmulator } from "@/test/support/github-emulator";
import { requestRevocation, resendInvitation, retryGrantNow } from "../grants";
import { claimDueGrants } from "./claim-due-grants";
import { processGrant } from "./process-grant";
import { runFulfillment } from "./run-fulfillment";
import { runRevocations } from "./run-revocations";

const PUT = "PUT /repos/{owner}/{repo}/collaborators/{username}";
const DAY = 24 * 60 * 60_000;

async function grantRows(db: Database) {
  return db.select().from(grants).orderBy(grants.id);
}

describeEachDatabase("fulfillment engine", (database) => {
  const emulator = useGithubEmulator({ seed: seedWithBuyers(60) });
  beforeEach(() => truncateAll(database.db()));

  it("invites a paid buyer once, records the call, and a second pass sends nothing", async () => {
    const db = database.db();
    const { github, settings } = engineAgainst(emulator());
    await repoProduct(db);
    await payFor(db, "toolkit", "octocat", settings.clock());

    expect(await runFulfillment(db, github, settings)).toMatchObject({ claimed: 1, invited: 1 });
    expect(await runFulfillment(db, github, settings)).toMatchObject({ claimed: 0 });
    expect(emulator().requestLog.count(PUT, 201)).toBe(1);

    const [grant] = await grantRows(db);
    expect(grant).toMatchObject({ status: "invited", lockedUntil: null, lastError: null });
    expect(grant!.invitationUrl).toBe("https://github.com/acme/toolkit/invitations");
    expect(grant!.expiresAt!.getTime() - grant!.invitedAt!.getTime()).toBeCloseTo(7 * DAY, -4);
    const [invite] = await db.select().from(grantEvents).where(eq(grantEvents.kind, "invite"));
    expect(invite).toMatchObject({ githubStatus: 201 });
    expect(invite!.requestId).toMatch(/\S/);
    const pending = emulator().controls.snapshot().invitations;
    expect(pending.map((i) => i.id)).toEqual([grant!.invitationId]);
  });

  it("turns a buyer who already has access into an active grant", async () => {
    const db = database.db();
    const { github, settings } = engineAgainst(emulator());
    await repoProduct(db);
    await payFor(db, "toolkit", "acme-member", settings.clock());
    expect(await runFulfillment(db, github, settings)).toMatchObject({ active: 1 });
    expect((await grantRows(db))[0]).toMatchObject({ status: "active" });
    expect(emulator().requestLog.count(PUT, 204)).toBe(1);
  });

  it("waits out a GitHub outage and loses nothing", async () => {
    const db = database.db();
    const { github, settings } = engineAgainst(emulator());
    await repoProduct(db);
    await payFor(db, "toolkit", "octocat", settings.clock());
    emulator().controls.failNextRequests(4, { route: PUT, status: 502 });

    expect(await runFulfillment(db, github, settings)).toMatchObject({ retry: 1 });
    const [waiting] = await grantRows(db);
    expect(waiting).toMatchObject({ status: "queued", lastError: { code: "github_unavailable" } });
    expect(waiting!.nextAttemptAt!.getTime()).toBeGreaterThan(settings.clock().getTime());

    emulator().controls.advanceClock(
      waiting!.nextAttemptAt!.getTime() - settings.clock().getTime(),
    );
    expect(await runFulfillment(db, github, settings)).toMatchObject({ invited: 1 });
    expect(emulator().requestLog.count(PUT, 201)).toBe(1);
  });

  it("gives up after INVITE_RETRY_MAX_HOURS of failures, keeping the last reason", async () => {
    const db = database.db();
    const { github, settings } = engineAgainst(emulator(), { settings: { retryMaxHours: 2 } });
    await repoProduct(db);
    await payFor(db, "toolkit", "octocat", settings.clock());
    emulator().controls.failNextRequests(1000, { route: PUT, status: 503 });

    let passes = 0;
    for (;;) {
      const summary = await runFulfillment(db, github, settings);
      if (summary.failed === 1) break;
      expect(summary.retry).toBe(1);
      const [waiting] = await grantRows(db);
      emulator().controls.advanceClock(
        waiting!.nextAttemptAt!.getTime() - settings.clock().getTime(),
      );
      passes += 1;
    }
    const [grant] = await grantRows(db);
    expect(grant).toMatchObject({ status: "failed", lastError: { code: "github_unavailable" } });
    expect(settings.clock().getTime() - grant!.queuedAt!.getTime()).toBeLessThanOrEqual(
      2 * 60 * 60_000,
    );
    // Exponential backoff from 30 s reaches two hours in a handful of attempts, not hundreds.
    expect(passes).toBeGreaterThan(3);
    expect(passes).toBeLessThan(12);
  });

  it("honours a secondary rate limit's retry-after, then invites", async () => {
    const db = database.db();
    const { github, settings } = engineAgainst(emulator());
    await repoProduct(db);
    await payFor(db, "toolkit", "octocat", settings.clock());
    emulator().controls.triggerSecondaryRateLimit({ retryAfterSeconds: 120 });
    const start = settings.clock().getTime();

    expect(await runFulfillment(db, github, settings)).toMatchObject({ retry: 1 });
    const [waiting] = await grantRows(db);
    expect(waiting!.lastError).toMatchObject({ code: "secondary_rate_limited" });
    expect(waiting!.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(start + 120_000);

    emulator().controls.advanceClock(60_000);
    expect(await runFulfillment(db, github, settings)).toMatchObject({ claimed: 0 });
    emulator().controls.advanceClock(waiting!.nextAttemptAt!.getTime() - start);
    expect(await runFulfillment(db, github, settings)).toMatchObject({ invited: 1 });
  });

  it("fails 404, 403 and 422 at once with the right code and no retry", async () => {
    const db = database.db();
    const admin = engineAgainst(emulator());
    await repoProduct(db, { slug: "missing", repo: "no-such-repo" });
    await repoProduct(db, { slug: "dotfiles", owner: "acme-admin", repo: "dotfiles" });
    await payFor(db, "missing", "octocat", admin.settings.clock());
    await payFor(db, "dotfiles", "hubot", admin.settings.clock());
    await payFor(db, "dotfiles", "acme-admin", admin.settings.clock());
    expect(await runFulfillment(db, admin.github, admin.settings)).toMatchObject({ failed: 3 });

    await repoProduct(db);
    await payFor(db, "toolkit", "octocat", admin.settings.clock());
    const readonly = engineAgainst(emulator(), { token: "sandbox-readonly-token" });
    expect(await runFulfillment(db, readonly.github, readonly.settings)).toMatchObject({
      failed: 1,
    });

    const codes = (await grantRows(db)).map((g) => [
      g.repo,
      g.githubLogin,
      g.status,
      g.lastError?.code,
    ]);
    expect(codes).toEqual([
      ["no-such-repo", "octocat", "failed", "repo_not_found"],
      ["dotfiles", "hubot", "failed", "permission_not_allowed_on_user_repo"],
      ["dotfiles", "acme-admin", "failed", "owner_cannot_be_collaborator"],
      ["toolkit", "octocat", "failed", "token_lacks_administration"],
    ]);
    // One PUT per grant: none of them was retried.
    expect(emulator().requestLog.count(PUT)).toBe(4);
  });

  it("sends 50 invitations to a repository per 24 h and the 51st when the window frees, with no 422", async () => {
    const db = database.db();
    const { github, settings } = engineAgainst(emulator());
    await repoProduct(db);
    const start = settings.clock().getTime();
    for (let i = 1; i <= 51; i++) {
      await payFor(db, "toolkit", `buyer-${String(i).padStart(3, "0")}`, settings.clock());
    }
    expect(await runFulfillment(db, github, settings)).toMatchObject({
      invited: 50,
      quota_wait: 1,
    });
    const last = (await grantRows(db)).at(-1)!;
    expect(last).toMatchObject({
      status: "queued",
      lastError: { code: "waiting_for_daily_invite_limit" },
    });
    expect(last.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(start + DAY);
    expect(last.nextAttemptAt!.getTime()).toBeLessThan(start + DAY + 60_000);

    emulator().controls.advanceClock(last.nextAttemptAt!.getTime() - start);
    expect(await runFulfillment(db, github, settings)).toMatchObject({ invited: 1 });
    expect(emulator().requestLog.count(PUT, 201)).toBe(51);
    expect(emulator().requestLog.count(PUT, 422)).toBe(0);
  });

  it("picks up the grants of a worker whose lease ran out, inviting each once", async () => {
    const db = database.db();
    const { github, settings } = engineAgainst(emulator());
    await repoProduct(db);
    await payFor(db, "toolkit", "octocat", settings.clock());
    // A worker claims the grant and dies before calling GitHub.
    await claimDueGrants(db, { now: settings.clock(), limit: 10, leaseMs: settings.leaseMs });
    expect(await runFulfillment(db, github, settings)).toMatchObject({ claimed: 0 });

    emulator().controls.advanceClock(settings.leaseMs);
    expect(await runFulfillment(db, github, settings)).toMatchObject({ claimed: 1, invited: 1 });
    expect(emulator().requestLog.count(PUT)).toBe(1);
  });

  it("a worker that outlived its lease sends no write for a grant another worker took", async () => {
    const db = database.db();
    const { github, settings } = engineAgainst(emulator());
    await repoProduct(db);
    await payFor(db, "toolkit", "octocat", settings.clock());
    const claim = () =>
      claimDueGrants(db, { now: settings.clock(), limit: 10, leaseMs: settings.leaseMs });
    const [slow] = await claim();
    // The first worker stalls past its lease; a second one takes the grant over.
    emulator().controls.advanceClock(settings.leaseMs + 1);
    const [taken] = await claim();
    expect(taken!.id).toBe(slow!.id);

    expect(await processGrant(db, github, slow!, settings)).toBe("lost_lease");
    expect(emulator().requestLog.count(PUT)).toBe(0);
    expect(await processGrant(db, github, taken!, settings)).toBe("invited");
    expect(emulator().requestLog.count(PUT)).toBe(1);
  });

  it("leases run on the database's clock: a server whose clock runs ahead takes over no live lease", async () => {
    const db = database.db();
    const { settings } = engineAgainst(emulator());
    await repoProduct(db);
    await payFor(db, "toolkit", "octocat", settings.clock());
    const onDatabaseClock = (now: Date, leaseMs: number) =>
      claimDueGrants(db, { now, limit: 10, leaseMs, leaseClock: "database" });

    expect(await onDatabaseClock(settings.clock(), settings.leaseMs)).toHaveLength(1);
    const tenMinutesAhead = new Date(settings.clock().getTime() + 10 * 60_000);
    expect(await onDatabaseClock(tenMinutesAhead, settings.leaseMs)).toHaveLength(0);

    // Once the lease really ran out on the database's clock, it is taken over.
    await db
      .update(grants)
      .set({ lockedUntil: new Date(Date.now() - 60 * 60_000) })
      .where(eq(grants.githubLogin, "octocat"));
    expect(await onDatabaseClock(tenMinutesAhead, settings.leaseMs)).toHaveLength(1);
  });

  it("on the database's clock, as in production, a claimed grant is invited", async () => {
    const db = database.db();
    const { github, settings } = engineAgainst(emulator(), {
      settings: { leaseClock: "database" },
    });
    await repoProduct(db);
    await payFor(db, "toolkit", "octocat", settings.clock());
    expect(await runFulfillment(db, github, settings)).toMatchObject({ claimed: 1, invited: 1 });
    expect(emulator().requestLog.count(PUT)).toBe(1);
  });

  it("after a crash between GitHub's 201 and the commit, finds the invitation instead of sending another", async () => {
    const db = database.db();
    const { github, settings } = engineAgainst(emulator());
    await repoProduct(db);
    await payFor(db, "toolkit", "octocat", settings.clock());
    const dying = {
      ...github,
      invite: async (input: Parameters<typeof github.invite>[0]) => {
        await github.invite(input);
        throw new Error("process killed before the outcome was committed");
      },
    };
    expect(await runFulfillment(db, dying, settings)).toMatchObject({ errors: 1 });
    expect((await grantRows(db))[0]).toMatchObject({ status: "queued" });

    emulator().controls.advanceClock(settings.leaseMs);
    expect(await runFulfillment(db, github, settings)).toMatchObject({ invited: 1 });
    expect(emulator().requestLog.count(PUT)).toBe(1);
    const [grant] = await grantRows(db);
    expect(grant!.invitationId).toBe(emulator().controls.snapshot().invitations[0]!.id);
  });

  it("a daily-quota slot reserved by a worker that died before its PUT is given back on retry", async () => {
    const db = database.db();
    const { github, settings } = engineAgainst(emulator(), { settings: { dailyInviteLimit: 2 } });
    await repoProduct(db);
    await payFor(db, "toolkit", "buyer-001", settings.clock());
    const diesBeforePut = {
      ...github,
      invite: () => Promise.reject(new Error("process killed before the PUT was sent")),
    };
    expect(await runFulfillment(db, diesBeforePut, settings)).toMatchObject({ errors: 1 });

    emulator().controls.advanceClock(settings.leaseMs);
    for (const buyer of ["buyer-002", "buyer-003"]) {
      await payFor(db, "toolkit", buyer, settings.clock());
    }
    expect(await runFulfillment(db, github, settings)).toMatchObject({ invited: 2, quota_wait: 1 });
    expect(emulator().requestLog.count(PUT, 201)).toBe(2);
    const rows = await grantRows(db);
    expect(rows.map((g) => [g.githubLogin, g.status])).toEqual([
      ["buyer-001", "invited"],
      ["buyer-002", "invited"],
      ["buyer-003", "queued"],
    ]);
  });

  it("retry now sends a failed grant again once the merchant fixed the cause", async () => {
    const db = database.db();
    await repoProduct(db);
    const readonly = engineAgainst(emulator(), { token: "sandbox-readonly-token" });
    const paid = await payFor(db, "toolkit", "octocat", readonly.settings.clock());
    expect(await runFulfillment(db, readonly.github, readonly.settings)).toMatchObject({
      failed: 1,
    });

    // The merchant gives the app a token that can administer the repository, then retries.
    const fixed = engineAgainst(emulator());
    const grantId = paid.grantIds[0]!;
    expect(await retryGrantNow(db, grantId, fixed.settings.clock())).toBe(true);
    expect(await runFulfillment(db, fixed.github, fixed.settings)).toMatchObject({ invited: 1 });
    const [grant] = await db.select().from(grants).where(eq(grants.id, grantId));
    expect(grant).toMatchObject({ status: "invited", lastError: null });
    // An invited grant has nothing to retry.
    expect(await retryGrantNow(db, grantId, fixed.settings.clock())).toBe(false);
  });

  it("resend replaces an open invitation the buyer lost, and revoke takes one grant away", async () => {
    const db = database.db();
    const run = engineAgainst(emulator());
    await repoProduct(db);
    const grantId = (await payFor(db, "toolkit", "octocat", run.settings.clock())).grantIds[0]!;
    await runFulfillment(db, run.github, run.settings);
    const [before] = await db.select().from(grants).where(eq(grants.id, grantId));

    // The buyer may only renew an expired invitation; this one is still open.
    const buyer = { buyerId: before!.buyerId! };
    expect(await resendInvitation(db, grantId, buyer, run.settings.clock())).toBe(false);
    expect(await resendInvitation(db, grantId, "merchant", run.settings.clock())).toBe(true);
    expect(await runFulfillment(db, run.github, run.settings)).toMatchObject({ invited: 1 });
    const [after] = await db.select().from(grants).where(eq(grants.id, grantId));
    expect(after!.invitationId).not.toBe(before!.invitationId);
    expect(
      emulator()
        .controls.snapshot()
        .invitations.map((i) => i.id),
    ).toEqual([after!.invitationId]);

    await requestRevocation(db, { grantId }, "revoked by the merchant", run.settings.clock());
    expect(await runRevocations(db, run.github, run.settings)).toMatchObject({ revoked: 1 });
    expect(emulator().controls.snapshot().invitations).toEqual([]);
    const [revoked] = await db.select().from(grants).where(eq(grants.id, grantId));
    expect(revoked).toMatchObject({ status: "revoked", revokeReason: "revoked by the merchant" });
  });
});
