import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { seedSmallShop } from "@/test/support/order-fixtures";
import { grants } from "../db/schema";
import { describeEachDatabase } from "../../test/support/database";
import { countGrantsByStatus } from "./grant-counts";
import { listGrantsNeedingAttention } from "./needs-attention";

describeEachDatabase("what needs the merchant's attention", (database) => {
  it("lists failed grants and buyers who have not accepted for days, not healthy ones", async () => {
    const db = database.db();
    const shop = await seedSmallShop(db);
    const now = shop.at(24 * 5);
    const [active] = await db.select().from(grants).where(eq(grants.orderId, "ord-a"));
    // An invitation sent 4 days ago and still open.
    await db
      .update(grants)
      .set({ status: "invited", invitedAt: shop.at(24) })
      .where(eq(grants.id, active!.id));
    const listed = await listGrantsNeedingAttention(db, now);
    expect(listed.map((g) => [g.orderId, g.status])).toEqual(
      expect.arrayContaining([
        ["ord-f", "failed"],
        ["ord-a", "invited"],
      ]),
    );
    expect(listed).toHaveLength(2);
    // Accepted: nothing left to look at for it.
    await db.update(grants).set({ status: "active" }).where(eq(grants.id, active!.id));
    expect((await listGrantsNeedingAttention(db, now)).map((g) => g.orderId)).toEqual(["ord-f"]);
    expect(await countGrantsByStatus(db)).toMatchObject({ active: 1, failed: 1, queued: 0 });
  });
});
