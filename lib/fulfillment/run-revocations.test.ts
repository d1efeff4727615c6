import { beforeEach, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { grantEvents, grants, orders } from "../db/schema";
import { describeEachDatabase, truncateAll } from "@/test/support/database";
import type { Database } from "../db/types";
import { applyOrderEvent } from "../orders/apply-order-event";
import { refundOrder } from "../orders/refund-order";
import { engineAgainst, payFor, repoProduct } from "@/test/support/fulfillment-fixtures";
import { useGithubEmulator } from "@/test/support/github-emulator";
import { requestRevocation, retryGrantNow } from "../grants";
import { runFulfillment } from "./run-fulfillment";
import { runRevocations } from "./run-revocations";
import { syncInvitations } from "./sync-invitations";

async function grantOf(db: Database, orderId: string) {
  const [grant] = await db.select().from(grants).where(eq(grants.orderId, orderId));
  return grant!;
}

describeEachDatabase("revocation", (database) => {
  const emulator = useGithubEmulator();
  beforeEach(() => truncateAll(database.db()));

  const access = async (login: string) => {
    const response = await fetch(
      `${emulator().url}/repos/acme/toolkit/collaborators/${login}/permission`,
      {
        headers: { authorization: "Bearer sandbox-admin-token" },
      },
    );
    return ((await response.json()) as { role_name: string }).role_name;
  };
  const accept = (invitationId: number) => emulator().controls.acceptInvitation(invitationId);
  /** Refunds the order; the revocation pass lowers octocat's access to `role`. */
  const refundLowersTo = async (
    db: Database,
    run: ReturnType<typeof engineAgainst>,
    orderId: string,
    role: string,
  ) => {
    await refundOrder(db, orderId, run.settings.clock());
    expect(await runRevocations(db, run.github, run.settings)).toMatchObject({ lowered: 1 });
    expect(await access("octocat")).toBe(role);
  };

  it("a refund of a pending invitation cancels it on GitHub", async () => {
    const db = database.db();
    const run = engineAgainst(emulator());
    await repoProduct(db, { slug: "reader", permission: "pull" });
    const paid = await payFor(db, "reader", "octocat", run.settings.clock());
    await runFulfillment(db, run.github, run.settings);

    const [order] = await db.select().from(orders).where(eq(orders.id, paid.orderId!));
    const refund = await applyOrderEvent(db, {
      source: "orders",
      deliveryId: "msg_refund_pending",
      now: run.settings.clock(),
      event: {
        type: "order.refunded",
        data: { externalId: order!.externalId!, product: "reader" },
      },
    });
    expect(refund.grantIds).toHaveLength(1);
    expect(await runRevocations(db, run.github, run.settings)).toMatchObject({ revoked: 1 });
    expect(await grantOf(db, paid.orderId!)).toMatchObject({ status: "revoked" });
    expect(emulator().controls.snapshot().invitations).toEqual([]);
  });

  it("a refund of an accepted invitation removes the collaborator", async () => {
    const db = database.db();
    const run = engineAgainst(emulator());
    await repoProduct(db, { slug: "reader", permission: "pull" });
    const paid = await payFor(db, "reader", "octocat", run.settings.clock());
    await runFulfillment(db, run.github, run.settings);
    const grant = await grantOf(db, paid.orderId!);
    accept(grant.invitationId!);
    await db.update(grants).set({ status: "active" }).where(eq(grants.id, grant.id));

    await refundOrder(db, paid.orderId!, run.settings.clock());
    expect(await runRevocations(db, run.github, run.settings)).toMatchObject({ revoked: 1 });
    expect(await access("octocat")).toBe("none");
  });

  it("a second paid order for the same repository keeps the access", async () => {
    const db = database.db();
    const run = engineAgainst(emulator());
    await repoProduct(db, { slug: "reader", permission: "pull" });
    const first = await payFor(db, "reader", "octocat", run.settings.clock());
    await runFulfillment(db, run.github, run.settings);
    accept((await grantOf(db, first.orderId!)).invitationId!);
    await db.update(grants).set({ status: "active" }).where(eq(grants.orderId, first.orderId!));
    const second = await payFor(db, "reader", "octocat", run.settings.clock());
    expect(await runFulfillment(db, run.github, run.settings)).toMatchObject({ active: 1 });

    await refundOrder(db, first.orderId!, run.settings.clock());
    expect(await runRevocations(db, run.github, run.settings)).toMatchObject({ kept: 1 });
    expect(await grantOf(db, first.orderId!)).toMatchObject({ status: "revoked" });
    expect(await grantOf(db, second.orderId!)).toMatchObject({ status: "active" });
    expect(await access("octocat")).toBe("read");
  });

  it("when the remaining order grants a lower permission, the access is lowered to it", async () => {
    const db = database.db();
    const run = engineAgainst(emulator());
    await repoProduct(db, { slug: "maintainer", permission: "maintain" });
    await repoProduct(db, { slug: "reader", permission: "pull" });
    const high = await payFor(db, "maintainer", "octocat", run.settings.clock());
    await runFulfillment(db, run.github, run.settings);
    accept((await grantOf(db, high.orderId!)).invitationId!);
    await db.update(grants).set({ status: "active" }).where(eq(grants.orderId, high.orderId!));
    expect(await access("octocat")).toBe("maintain");
    const low = await payFor(db, "reader", "octocat", run.settings.clock());
    // A PUT for an existing collaborator answers 204; our grant for the lower order is active,
    // and the smaller purchase does not lower what the bigger one pays for.
    expect(await runFulfillment(db, run.github, run.settings)).toMatchObject({ active: 1 });
    expect(await access("octocat")).toBe("maintain");

    await refundLowersTo(db, run, high.orderId!, "read");
    expect(await grantOf(db, low.orderId!)).toMatchObject({ status: "active" });
  });

  it("with several orders left, access is lowered to the strongest of them, whatever their order", async () => {
    const db = database.db();
    const run = engineAgainst(emulator());
    await repoProduct(db, { slug: "reader", permission: "pull" });
    await repoProduct(db, { slug: "admin", permission: "admin" });
    await repoProduct(db, { slug: "writer", permission: "push" });
    const reader = await payFor(db, "reader", "octocat", run.settings.clock());
    const admin = await payFor(db, "admin", "octocat", run.settings.clock());
    const writer = await payFor(db, "writer", "octocat", run.settings.clock());
    await runFulfillment(db, run.github, run.settings);
    // Each later PUT raised the one invitation to the strongest role paid for.
    accept((await grantOf(db, reader.orderId!)).invitationId!);
    expect(await access("octocat")).toBe("admin");

    await refundLowersTo(db, run, admin.orderId!, "write");
    await refundLowersTo(db, run, writer.orderId!, "read");
    expect(await grantOf(db, reader.orderId!)).toMatchObject({ status: "invited" });
  });

  it("a revocation that GitHub refuses keeps its request and says why", async () => {
    const db = database.db();
    const run = engineAgainst(emulator());
    await repoProduct(db, { slug: "reader", permission: "pull" });
    const paid = await payFor(db, "reader", "octocat", run.settings.clock());
    await runFulfillment(db, run.github, run.settings);
    const readonly = engineAgainst(emulator(), { token: "sandbox-readonly-token" });
    const [grantId] = await requestRevocation(
      db,
      { orderId: paid.orderId! },
      "revoked by the merchant",
      run.settings.clock(),
    );
    expect(await runRevocations(db, readonly.github, readonly.settings)).toMatchObject({
      failed: 1,
    });
    const grant = await grantOf(db, paid.orderId!);
    expect(grant).toMatchObject({
      id: grantId,
      status: "failed",
      lastError: { code: "token_lacks_administration" },
    });
    expect(grant.revokeRequestedAt).toBeInstanceOf(Date);
  });

  it("a revocation that keeps failing backs off like an invitation, then fails with the reason", async () => {
    const db = database.db();
    const run = engineAgainst(emulator(), { settings: { retryMaxHours: 2, random: () => 0.5 } });
    await repoProduct(db, { slug: "reader", permission: "pull" });
    const paid = await payFor(db, "reader", "octocat", run.settings.clock());
    await runFulfillment(db, run.github, run.settings);
    accept((await grantOf(db, paid.orderId!)).invitationId!);
    expect(await syncInvitations(db, run.github, run.settings.clock)).toMatchObject({ active: 1 });
    await refundOrder(db, paid.orderId!, run.settings.clock());
    emulator().controls.failNextRequests(1000, {
      route: "DELETE /repos/{owner}/{repo}/collaborators/{username}",
      status: 503,
    });

    const waits: number[] = [];
    for (;;) {
      const summary = await runRevocations(db, run.github, run.settings);
      if (summary.failed === 1) break;
      expect(summary).toMatchObject({ claimed: 1, retry: 1 });
      const waiting = await grantOf(db, paid.orderId!);
      waits.push(waiting.nextAttemptAt!.getTime() - run.settings.clock().getTime());
      emulator().controls.advanceClock(waits.at(-1)!);
    }
    // The same backoff as an invitation: 30 s, doubling, within the same window.
    expect(waits.slice(0, 3)).toEqual([30_000, 60_000, 120_000]);
    expect(waits.length).toBeGreaterThan(3);
    expect(waits.length).toBeLessThan(12);
    const grant = await grantOf(db, paid.orderId!);
    expect(grant).toMatchObject({
      status: "failed",
      nextAttemptAt: null,
      attempts: waits.length + 1,
      lastError: { code: "github_unavailable" },
    });
    expect(grant.lastError!.message).toMatch(/GitHub/);
    expect(run.settings.clock().getTime() - grant.revokeRequestedAt!.getTime()).toBeLessThanOrEqual(
      2 * 60 * 60_000,
    );
    const [failed] = await db
      .select()
      .from(grantEvents)
      .where(and(eq(grantEvents.grantId, grant.id), eq(grantEvents.kind, "failed")));
    expect(failed!.detail).toMatchObject({
      code: "github_unavailable",
      gaveUpAfterHours: 2,
      during: "revocation",
    });
    // Still a collaborator: nothing pretends the access is gone.
    expect(await access("octocat")).toBe("read");

    // GitHub is back; the merchant retries, and the access goes.
    emulator().controls.failNextRequests(0);
    expect(await retryGrantNow(db, grant.id, run.settings.clock())).toBe(true);
    expect(await runRevocations(db, run.github, run.settings)).toMatchObject({ revoked: 1 });
    expect(await grantOf(db, paid.orderId!)).toMatchObject({ status: "revoked" });
    expect(await access("octocat")).toBe("none");
  });
});
