import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { seedSmallShop } from "@/test/support/order-fixtures";
import { rowsOf } from "../db/rows";
import { grantEvents, grants } from "../db/schema";
import { describeEachDatabase } from "../../test/support/database";
import { retryGrantNow } from "./operations/retry-grant-now";
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

describeEachDatabase("retry now and a worker's lease", (database) => {
  it("reads the lease on the database's clock: a server clock running ahead takes nothing", async () => {
    const db = database.db();
    await seedSmallShop(db);
    const [held] = await db
      .update(grants)
      .set({ status: "queued", lockedUntil: sql`now() + interval '5 minutes'` })
      .where(eq(grants.orderId, "ord-f"))
      .returning();
    const [clock] = rowsOf<{ ms: string | number }>(
      await db.execute(sql`select (extract(epoch from now()) * 1000)::bigint as ms`),
    );
    const aheadByAnHour = new Date(Number(clock!.ms) + 60 * 60 * 1000);
    expect(await retryGrantNow(db, held!.id, aheadByAnHour)).toBe(false);
    // On the server's own clock the lease would have looked over: that is the mistake avoided.
    expect(await retryGrantNow(db, held!.id, aheadByAnHour, "injected")).toBe(true);
  });
});
