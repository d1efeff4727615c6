import { beforeEach, expect, it } from "vitest";
import { buyers, orders, products } from "../db/schema";
import { runFulfillment } from "../fulfillment/run-fulfillment";
import { describeEachDatabase, truncateAll } from "@/test/support/database";
import { engineAgainst, repoProduct } from "@/test/support/fulfillment-fixtures";
import { useGithubEmulator } from "@/test/support/github-emulator";
import { markOrderPaid } from "./mark-order-paid";

describeEachDatabase("the merchant's mark paid", (database) => {
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
});
