import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { buyers, grants, orders, products } from "../db/schema";
import { describeEachDatabase, truncateAll } from "../db/testing";
import { createProduct } from "../products/create-product";
import { markOrderPaid } from "../orders/mark-order-paid";
import { engineAgainst, payFor } from "../testing/fulfillment-fixtures";
import { useGithubEmulator } from "../../sandbox/github/testing";
import { retryGrantNow } from "./retry-grant-now";
import { runFulfillment } from "./run-fulfillment";

describeEachDatabase("merchant actions", (database) => {
  const emulator = useGithubEmulator();
  beforeEach(() => truncateAll(database.db()));

  it("mark paid queues a pending checkout order's grants once, and the engine invites the buyer", async () => {
    const db = database.db();
    const { github, settings } = engineAgainst(emulator());
    const product = await createProduct(db, {
      slug: "toolkit",
      name: "Toolkit",
      entitlements: [{ kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" }],
    });
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
    await createProduct(db, {
      slug: "toolkit",
      name: "Toolkit",
      entitlements: [{ kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" }],
    });
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
});
