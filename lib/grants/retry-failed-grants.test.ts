import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { seedSmallShop } from "@/test/support/order-fixtures";
import { grantEvents, grants } from "../db/schema";
import { describeEachDatabase } from "../../test/support/database";
import { retryFailedGrants } from "./retry-failed-grants";

describeEachDatabase("retry all failed for a repository", (database) => {
  it("makes every failed grant of that repository due now and leaves other repositories alone", async () => {
    const db = database.db();
    const shop = await seedSmallShop(db);
    const now = shop.at(48);
    expect(await retryFailedGrants(db, { owner: "acme", repo: "elsewhere" }, now)).toBe(0);
    expect(await retryFailedGrants(db, { owner: "ACME", repo: "toolkit" }, now)).toBe(1);
    const [retried] = await db.select().from(grants).where(eq(grants.orderId, "ord-f"));
    expect(retried).toMatchObject({ status: "queued", nextAttemptAt: now });
    const events = await db.select().from(grantEvents).where(eq(grantEvents.grantId, retried!.id));
    expect(events.map((e) => e.kind)).toEqual(["retry_requested"]);
    // The active grant of the same repository was not touched.
    const [active] = await db.select().from(grants).where(eq(grants.orderId, "ord-a"));
    expect(active!.status).toBe("active");
  });
});
