import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { buyers, grantEvents, grants, orders } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/support/database";
import { createProduct } from "@/lib/products/create-product";
import { applyOrderEvent } from "@/lib/orders/apply-order-event";
import { queueWaitingGrants } from "./queue-waiting-grants";

describeEachDatabase("grants waiting for a GitHub account", (database) => {
  it("are queued when the buyer signs in with GitHub under the verified email of the order", async () => {
    const db = database.db();
    await createProduct(db, {
      slug: "waiting",
      name: "Waiting",
      entitlements: [{ kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" }],
    });
    const now = new Date("2026-11-22T10:00:00Z");
    const paid = await applyOrderEvent(db, {
      source: "orders",
      deliveryId: "msg_waiting",
      now,
      event: {
        type: "order.paid",
        data: { externalId: "ord_w", product: "waiting", buyer: { email: "ada@example.com" } },
      },
    });
    const [grant] = await db.select().from(grants).where(eq(grants.id, paid.grantIds[0]!));
    expect(grant!.status).toBe("waiting_for_github");

    const [signedIn] = await db
      .insert(buyers)
      .values({
        logtoUserId: "logto_ada",
        githubUserId: 4242,
        githubLogin: "ada",
        email: "Ada@Example.com",
      })
      .returning();

    // An unverified email claims nothing.
    const identity = { buyerId: signedIn!.id, githubUserId: 4242, githubLogin: "ada" };
    expect(await queueWaitingGrants(db, { ...identity, verifiedEmail: null }, now)).toBe(0);

    const later = new Date("2026-11-23T08:00:00Z");
    expect(
      await queueWaitingGrants(db, { ...identity, verifiedEmail: "ADA@example.com" }, later),
    ).toBe(1);
    const [queued] = await db.select().from(grants).where(eq(grants.id, grant!.id));
    expect(queued).toMatchObject({
      status: "queued",
      githubLogin: "ada",
      githubUserId: 4242,
      buyerId: signedIn!.id,
      nextAttemptAt: later,
    });
    const [order] = await db.select().from(orders).where(eq(orders.id, paid.orderId!));
    expect(order!.buyerId).toBe(signedIn!.id);
    const events = await db.select().from(grantEvents).where(eq(grantEvents.grantId, grant!.id));
    expect(events.map((e) => e.kind)).toEqual(["created", "queued"]);
    // A second sign-in finds nothing left to queue.
    expect(
      await queueWaitingGrants(db, { ...identity, verifiedEmail: "ada@example.com" }, later),
    ).toBe(0);
  });
});
