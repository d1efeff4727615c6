import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { grants } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/support/database";
import { createProduct } from "@/lib/products/create-product";
import { paidOrderFor, setGrantStatus, signedInBuyer } from "@/test/support/buyer-fixtures";
import { BUYER_RESEND_WINDOW_MS, requestNewInvitation } from "./request-new-invitation";

const DAY = 24 * 60 * 60 * 1000;

describeEachDatabase("a buyer asking for a new invitation", (database) => {
  it("queues a new invitation for their own expired grant, only theirs and only when expired", async () => {
    const db = database.db();
    const product = await createProduct(db, {
      slug: "resend",
      name: "Resend",
      entitlements: [{ kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" }],
    });
    const start = new Date("2026-11-01T10:00:00Z");
    const octocat = await signedInBuyer(db, "logto_rs_oc", { id: 583231, login: "octocat" });
    const hubot = await signedInBuyer(db, "logto_rs_hb", { id: 480938, login: "hubot" });
    const orderId = await paidOrderFor(db, octocat, product.id, start);
    const [grant] = await db.select().from(grants).where(eq(grants.orderId, orderId));
    const grantId = grant!.id;

    await setGrantStatus(db, orderId, { status: "invited" });
    expect(await requestNewInvitation(db, { buyerId: octocat.id, grantId, now: start })).toEqual({
      ok: false,
      reason: "not_expired",
    });

    await setGrantStatus(db, orderId, { status: "expired" });
    expect(await requestNewInvitation(db, { buyerId: hubot.id, grantId, now: start })).toEqual({
      ok: false,
      reason: "not_found",
    });
    const [untouched] = await db.select().from(grants).where(eq(grants.id, grantId));
    expect(untouched!.status).toBe("expired");

    expect(await requestNewInvitation(db, { buyerId: octocat.id, grantId, now: start })).toEqual({
      ok: true,
    });
    const [queued] = await db.select().from(grants).where(eq(grants.id, grantId));
    expect(queued).toMatchObject({ status: "queued", nextAttemptAt: start, resends: 1 });
  });

  it("allows three new invitations per grant in thirty days, then says when the next one is possible", async () => {
    const db = database.db();
    const product = await createProduct(db, {
      slug: "resend-limit",
      name: "Resend limit",
      entitlements: [{ kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" }],
    });
    const start = new Date("2026-11-01T10:00:00Z");
    const buyer = await signedInBuyer(db, "logto_rs_limit", { id: 9100, login: "often" });
    const orderId = await paidOrderFor(db, buyer, product.id, start);
    const [grant] = await db.select().from(grants).where(eq(grants.orderId, orderId));
    const ask = async (daysLater: number) => {
      await setGrantStatus(db, orderId, { status: "expired" });
      return requestNewInvitation(db, {
        buyerId: buyer.id,
        grantId: grant!.id,
        now: new Date(start.getTime() + daysLater * DAY),
      });
    };

    expect(await ask(0)).toEqual({ ok: true });
    expect(await ask(8)).toEqual({ ok: true });
    expect(await ask(16)).toEqual({ ok: true });
    expect(await ask(24)).toEqual({
      ok: false,
      reason: "rate_limited",
      retryAt: new Date(start.getTime() + BUYER_RESEND_WINDOW_MS),
    });
    const [still] = await db.select().from(grants).where(eq(grants.id, grant!.id));
    expect(still!.status).toBe("expired");
    // Once the first request leaves the window, one more is allowed.
    expect(await ask(30)).toEqual({ ok: true });
  });
});
