import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { orders } from "../db/schema";
import { describeEachDatabase } from "@/test/support/database";
import { createProduct, type EntitlementInput } from "../products/create-product";
import { getProductForSale } from "../products/queries";
import { paidOrderFor, setGrantStatus, signedInBuyer } from "@/test/support/buyer-fixtures";
import { startCheckout, type TestPayments } from "./start-checkout";

const now = new Date("2026-11-29T12:00:00Z");
const octocat = { id: 583231, login: "octocat" };

describeEachDatabase("checkout", (database) => {
  let productNumber = 0;
  async function product(
    options: { paymentLink?: string | null; entitlements?: EntitlementInput[] } = {},
  ) {
    productNumber += 1;
    const slug = `checkout-${productNumber}`;
    await createProduct(database.db(), {
      slug,
      name: slug,
      priceCents: 4900,
      paymentLink: options.paymentLink ?? null,
      entitlements: options.entitlements ?? [
        { kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" },
      ],
    });
    return (await getProductForSale(database.db(), slug))!;
  }
  const ordersOf = (buyerId: string) =>
    database.db().select().from(orders).where(eq(orders.buyerId, buyerId));

  it("sends a GitHub buyer to the payment link with the new pending order's id filled in", async () => {
    const db = database.db();
    const buyer = await signedInBuyer(db, "logto_pay", { id: 9001, login: "payer" });
    const item = await product({ paymentLink: "https://pay.example/p?ref={orderId}&x={orderId}" });

    const outcome = await startCheckout(db, { product: item, buyer, testPayments: "off", now });
    expect(outcome.kind).toBe("pay");
    if (outcome.kind !== "pay") return;
    expect(outcome.orderId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(outcome.paymentUrl).toBe(
      `https://pay.example/p?ref=${outcome.orderId}&x=${outcome.orderId}`,
    );
    expect(await ordersOf(buyer.id)).toMatchObject([
      { id: outcome.orderId, status: "pending", productId: item.id, amount: 4900, currency: "USD" },
    ]);

    // Clicking Buy again (or coming back from the payment page) keeps the same order.
    const again = await startCheckout(db, { product: item, buyer, testPayments: "off", now });
    expect(again).toEqual(outcome);
    expect(await ordersOf(buyer.id)).toHaveLength(1);
  });

  it("creates no order for a buyer without a GitHub account", async () => {
    const db = database.db();
    const buyer = await signedInBuyer(db, "logto_email_only", null, "buyer@example.test");
    const item = await product({ paymentLink: "https://pay.example/{orderId}" });
    expect(await startCheckout(db, { product: item, buyer, testPayments: "always", now })).toEqual({
      kind: "github_required",
    });
    expect(await ordersOf(buyer.id)).toEqual([]);
  });

  it("uses the test checkout in sandbox mode, and where no payment link is set if test payments are on", async () => {
    const db = database.db();
    const buyer = await signedInBuyer(db, "logto_test_pay", { id: 9002, login: "tester" });
    const linked = await product({ paymentLink: "https://pay.example/{orderId}" });
    const unlinked = await product();

    const paymentUrl = async (item: typeof linked, testPayments: TestPayments) => {
      const outcome = await startCheckout(db, { product: item, buyer, testPayments, now });
      return outcome.kind === "pay" ? outcome.paymentUrl.replace(outcome.orderId, "ID") : outcome;
    };
    expect(await paymentUrl(linked, "always")).toBe("/checkout/ID");
    expect(await paymentUrl(linked, "without_payment_link")).toBe("https://pay.example/ID");
    expect(await paymentUrl(unlinked, "without_payment_link")).toBe("/checkout/ID");
  });

  it("refuses, without an order, a product that has no way to be paid", async () => {
    const db = database.db();
    const buyer = await signedInBuyer(db, "logto_unpayable", { id: 9003, login: "nopay" });
    const item = await product();
    expect(await startCheckout(db, { product: item, buyer, testPayments: "off", now })).toEqual({
      kind: "unavailable",
    });
    expect(await ordersOf(buyer.id)).toEqual([]);
  });

  it("tells a buyer who already has the access instead of charging twice, but not after a refund", async () => {
    const db = database.db();
    const buyer = await signedInBuyer(db, "logto_octocat", octocat);
    const write = await product({
      entitlements: [{ kind: "github_repo", owner: "acme", repo: "toolkit", permission: "push" }],
    });
    const read = await product({
      entitlements: [{ kind: "github_repo", owner: "Acme", repo: "Toolkit", permission: "pull" }],
    });
    const paid = await paidOrderFor(db, buyer, write.id, now);
    await setGrantStatus(db, paid, { status: "active" });

    // Write access includes read access, whatever the case of the names.
    expect(await startCheckout(db, { product: read, buyer, testPayments: "always", now })).toEqual({
      kind: "already_has_access",
      orderId: paid,
    });

    await setGrantStatus(db, paid, { revokeRequestedAt: now, revokeReason: "order refunded" });
    const afterRefund = await startCheckout(db, {
      product: read,
      buyer,
      testPayments: "always",
      now,
    });
    expect(afterRefund.kind).toBe("pay");
  });

  it("still sells a bigger role or another entitlement to someone who holds less", async () => {
    const db = database.db();
    const buyer = await signedInBuyer(db, "logto_hubot", { id: 480938, login: "hubot" });
    const read = await product();
    const bundle = await product({
      entitlements: [
        { kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" },
        { kind: "github_team", org: "acme", teamSlug: "toolkit-users", teamRole: "member" },
      ],
    });
    const write = await product({
      entitlements: [{ kind: "github_repo", owner: "acme", repo: "toolkit", permission: "push" }],
    });
    const paid = await paidOrderFor(db, buyer, read.id, now);
    await setGrantStatus(db, paid, { status: "invited" });

    expect(
      (await startCheckout(db, { product: read, buyer, testPayments: "always", now })).kind,
    ).toBe("already_has_access");
    expect(
      (await startCheckout(db, { product: bundle, buyer, testPayments: "always", now })).kind,
    ).toBe("pay");
    expect(
      (await startCheckout(db, { product: write, buyer, testPayments: "always", now })).kind,
    ).toBe("pay");
  });
});
