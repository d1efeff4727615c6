import { eq, sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { buyers, grantEvents, grants, orders } from "../db/schema";
import { describeEachDatabase, truncateAll } from "../../test/support/database";
import type { Database } from "../db/types";
import type { BuyerReference } from "../orders/order-event";
import { applyOrderEvent } from "../orders/apply-order-event";
import { createProduct } from "../products/create-product";
import type { LogtoPerson } from "./read-person";
import { recordSignIn } from "./record-sign-in";

const now = new Date("2026-11-29T12:00:00Z");

const octocat: LogtoPerson = {
  logtoUserId: "sbxoctocat01",
  name: "The Octocat",
  avatarUrl: null,
  verifiedEmail: "octocat@github.com",
  github: { userId: 583231, login: "octocat" },
  roles: [],
};

let orderNumber = 0;
async function order(db: Database, buyer: BuyerReference) {
  orderNumber += 1;
  const result = await applyOrderEvent(db, {
    source: "orders",
    deliveryId: `msg_sign_in_${orderNumber}`,
    now,
    event: {
      type: "order.paid",
      data: { externalId: `sign_in_${orderNumber}`, product: "toolkit", buyer },
    },
  });
  const [grant] = await db.select().from(grants).where(eq(grants.id, result.grantIds[0]!));
  return { orderId: result.orderId!, grant: grant! };
}

const buyerRows = (db: Database) => db.select().from(buyers).orderBy(buyers.createdAt);

describeEachDatabase("recording a sign-in", (database) => {
  beforeEach(async () => {
    const db = database.db();
    await truncateAll(db);
    await createProduct(db, {
      slug: "toolkit",
      name: "Toolkit",
      entitlements: [{ kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" }],
    });
  });

  it("makes one buyer per person and updates it on the next sign-in", async () => {
    const db = database.db();
    const first = await recordSignIn(db, octocat, now);
    const again = await recordSignIn(db, { ...octocat, name: "Mona" }, now);
    expect(again.buyerId).toBe(first.buyerId);
    expect(await buyerRows(db)).toMatchObject([
      {
        id: first.buyerId,
        logtoUserId: "sbxoctocat01",
        githubUserId: 583231,
        githubLogin: "octocat",
        email: "octocat@github.com",
        name: "Mona",
      },
    ]);
  });

  it("merges the placeholders orders made by GitHub login and by verified email", async () => {
    const db = database.db();
    const byLogin = await order(db, { githubLogin: "OctoCat" });
    const byEmail = await order(db, { email: "OCTOCAT@github.com" });
    expect(byLogin.grant.status).toBe("queued");
    expect(byEmail.grant.status).toBe("waiting_for_github");
    expect(await buyerRows(db)).toHaveLength(2);

    const signedIn = await recordSignIn(db, octocat, now);

    expect(signedIn.queuedGrants).toBe(1);
    expect((await buyerRows(db)).map((row) => row.id)).toEqual([signedIn.buyerId]);
    const owners = await db.select({ buyerId: orders.buyerId }).from(orders);
    expect(owners).toEqual([{ buyerId: signedIn.buyerId }, { buyerId: signedIn.buyerId }]);
    const [emailGrant] = await db.select().from(grants).where(eq(grants.id, byEmail.grant.id));
    expect(emailGrant).toMatchObject({
      status: "queued",
      buyerId: signedIn.buyerId,
      githubUserId: 583231,
      githubLogin: "octocat",
      nextAttemptAt: now,
    });
  });

  it("never lets an unverified email claim an order placed under it", async () => {
    const db = database.db();
    const byEmail = await order(db, { email: "octocat@github.com" });
    const signedIn = await recordSignIn(db, { ...octocat, verifiedEmail: null }, now);
    expect(signedIn.queuedGrants).toBe(0);
    const [grant] = await db.select().from(grants).where(eq(grants.id, byEmail.grant.id));
    expect(grant!.status).toBe("waiting_for_github");
    expect(await buyerRows(db)).toHaveLength(2);
  });

  it("takes over the buyer an order named by GitHub id", async () => {
    const db = database.db();
    const byId = await order(db, { githubUserId: 583231 });
    const [named] = await buyerRows(db);
    const signedIn = await recordSignIn(db, octocat, now);
    expect(signedIn.buyerId).toBe(named!.id);
    const [owner] = await db.select().from(orders).where(eq(orders.id, byId.orderId));
    expect(owner!.buyerId).toBe(named!.id);
  });

  it("keeps an email-only buyer's orders waiting until GitHub is linked", async () => {
    const db = database.db();
    const byEmail = await order(db, { email: "buyer@example.test" });
    const emailOnly: LogtoPerson = {
      logtoUserId: "sbxbuyer0001",
      name: null,
      avatarUrl: null,
      verifiedEmail: "buyer@example.test",
      github: null,
      roles: [],
    };
    const first = await recordSignIn(db, emailOnly, now);
    expect(first.queuedGrants).toBe(0);
    const [waiting] = await db.select().from(grants).where(eq(grants.id, byEmail.grant.id));
    expect(waiting).toMatchObject({ status: "waiting_for_github", buyerId: first.buyerId });

    // Later the same Logto user links GitHub: same buyer, and the grant is queued at last.
    const linked = await recordSignIn(
      db,
      { ...emailOnly, github: { userId: 480938, login: "hubot" } },
      now,
    );
    expect(linked).toEqual({ buyerId: first.buyerId, queuedGrants: 1 });
  });

  it("gives a second GitHub account of one Logto user a buyer of its own", async () => {
    const db = database.db();
    const first = await recordSignIn(db, octocat, now);
    const switched = await recordSignIn(
      db,
      { ...octocat, github: { userId: 480938, login: "hubot" } },
      now,
    );
    expect(switched.buyerId).not.toBe(first.buyerId);
    const rows = await buyerRows(db);
    expect(rows.map((row) => [row.githubUserId, row.logtoUserId])).toEqual([
      [583231, null],
      [480938, "sbxoctocat01"],
    ]);
  });

  it("makes one buyer and queues a waiting grant once when two sign-ins race", async () => {
    const db = database.db();
    const byEmail = await order(db, { email: "octocat@github.com" });
    await order(db, { githubLogin: "octocat" });

    const results = await Promise.all(
      Array.from({ length: 4 }, () => recordSignIn(db, octocat, now)),
    );

    const rows = await buyerRows(db);
    expect(rows).toHaveLength(1);
    expect(new Set(results.map((result) => result.buyerId))).toEqual(new Set([rows[0]!.id]));
    expect(results.map((result) => result.queuedGrants).sort()).toEqual([0, 0, 0, 1]);
    const queuedEvents = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(grantEvents)
      .where(sql`${grantEvents.grantId} = ${byEmail.grant.id} and ${grantEvents.kind} = 'queued'`);
    expect(queuedEvents).toEqual([{ count: 1 }]);
  });
});
