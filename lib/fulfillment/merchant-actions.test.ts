import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { buyers, grants, orders, products } from "../db/schema";
import { describeEachDatabase, truncateAll } from "../db/testing";
import { markOrderPaid } from "../orders/mark-order-paid";
import { engineAgainst, payFor, repoProduct } from "../testing/fulfillment-fixtures";
import { useGithubEmulator } from "../../sandbox/github/testing";
import { requestRevocation } from "./request-revocation";
import { resendInvitation } from "./resend-invitation";
import { retryGrantNow } from "./retry-grant-now";
import { runRevocations } from "./run-revocations";
import { runFulfillment } from "./run-fulfillment";

describeEachDatabase("merchant actions", (database) => {
  const emulator = useGithubEmulator();
  beforeEach(() => truncateAll(database.db()));

  it("mark paid queues a pending checkout order's grants once, and the engine invites the buyer", async () => {
    const db = database.db();
    const { github, settings } = engineAgainst(emulator());
    const product = await repoProduct(db);
    const [buyer] = await db
      .insert(buyers)
      .values({ githubLogin: "hubot", githubUserId: 480938 })
      .returning();
    const [order] = await db
      .insert(orders)
      .values({ productId: product.id, buyerId: buyer!.id, source: "checkout" })
      .returning();

    const first = await markOrderPaid(db, order!.id, settings.clock());
    expect(first).toMatchObject({ alreadyPaid: false });
    expect(first.grantIds).toHaveLength(1);
    expect(await markOrderPaid(db, order!.id, settings.clock())).toMatchObject({
      alreadyPaid: true,
      grantIds: [],
    });
    expect((await db.select().from(orders))[0]).toMatchObject({ status: "paid" });

    expect(await runFulfillment(db, github, settings)).toMatchObject({ invited: 1 });
    await expect(markOrderPaid(db, "no-such-order", settings.clock())).rejects.toThrow(
      'no order "no-such-order"',
    );
    expect((await db.select().from(products)).length).toBe(1);
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
