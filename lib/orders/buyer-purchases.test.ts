import { expect, it } from "vitest";
import { describeEachDatabase } from "@/test/support/database";
import { createProduct } from "../products/create-product";
import { paidOrderFor, setGrantStatus, signedInBuyer } from "@/test/support/buyer-fixtures";
import {
  getBuyerPurchase,
  listBuyerPurchases,
  purchaseAwaitsGithub,
  purchaseInFlight,
} from "./buyer-purchases";

describeEachDatabase("a buyer's purchases", (database) => {
  it("shows a buyer their own orders with each grant, and nobody else's", async () => {
    const db = database.db();
    const product = await createProduct(db, {
      slug: "purchases",
      name: "Toolkit bundle",
      entitlements: [
        { kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" },
        { kind: "github_team", org: "acme", teamSlug: "toolkit-users", teamRole: "member" },
      ],
    });
    const octocat = await signedInBuyer(db, "logto_oc", { id: 583231, login: "octocat" });
    const hubot = await signedInBuyer(db, "logto_hb", { id: 480938, login: "hubot" });
    const first = await paidOrderFor(db, octocat, product.id, new Date("2026-11-20T10:00:00Z"));
    const second = await paidOrderFor(db, octocat, product.id, new Date("2026-11-28T10:00:00Z"));
    const hubots = await paidOrderFor(db, hubot, product.id, new Date("2026-11-29T10:00:00Z"));

    const mine = await listBuyerPurchases(db, octocat.id);
    expect(mine.map((p) => p.orderId)).toEqual([second, first]);
    expect(mine[0]).toMatchObject({
      status: "paid",
      product: { slug: "purchases", name: "Toolkit bundle" },
    });
    expect(mine[0]!.grants).toMatchObject([
      {
        status: "queued",
        kind: "github_repo",
        owner: "acme",
        repo: "toolkit",
        githubLogin: "octocat",
      },
      { status: "queued", kind: "github_team", org: "acme", teamSlug: "toolkit-users" },
    ]);

    expect((await getBuyerPurchase(db, octocat.id, first))?.orderId).toBe(first);
    // Another buyer's order is as unknown as one that does not exist.
    expect(await getBuyerPurchase(db, octocat.id, hubots)).toBeUndefined();
    expect(await getBuyerPurchase(db, hubot.id, first)).toBeUndefined();
    expect(await getBuyerPurchase(db, octocat.id, "no-such-order")).toBeUndefined();
    expect(await listBuyerPurchases(db, (await signedInBuyer(db, "logto_new", null)).id)).toEqual(
      [],
    );
  });

  it("counts as in flight while unpaid or while a grant is on its way, and settles after", async () => {
    const db = database.db();
    const product = await createProduct(db, {
      slug: "in-flight",
      name: "In flight",
      entitlements: [{ kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" }],
    });
    const buyer = await signedInBuyer(db, "logto_flight", { id: 9300, login: "flight" });
    const orderId = await paidOrderFor(db, buyer, product.id, new Date("2026-11-29T10:00:00Z"));
    const current = async () => purchaseInFlight((await getBuyerPurchase(db, buyer.id, orderId))!);

    expect(await current()).toBe(true); // queued: "Sending your invitation…"
    await setGrantStatus(db, orderId, { status: "invited" });
    expect(await current()).toBe(true); // waiting for the buyer to accept on GitHub
    await setGrantStatus(db, orderId, { status: "active" });
    expect(await current()).toBe(false);
    await setGrantStatus(db, orderId, { status: "expired" });
    expect(await current()).toBe(false); // the buyer acts next, nothing moves by itself
  });

  it("waits for a GitHub sign-in when the buyer has none, without polling", async () => {
    const db = database.db();
    const product = await createProduct(db, {
      slug: "email-only",
      name: "Email only",
      entitlements: [{ kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" }],
    });
    const buyer = await signedInBuyer(db, "logto_email", null, "buyer@example.test");
    const orderId = await paidOrderFor(db, buyer, product.id, new Date("2026-11-29T10:00:00Z"));
    const purchase = (await getBuyerPurchase(db, buyer.id, orderId))!;
    expect(purchase.grants).toMatchObject([{ status: "waiting_for_github" }]);
    expect(purchaseAwaitsGithub(purchase)).toBe(true);
    expect(purchaseInFlight(purchase)).toBe(false);
  });
});
