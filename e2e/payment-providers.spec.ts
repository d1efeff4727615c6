import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { PAYMENT_PROVIDERS, type PaymentProvider } from "../lib/db/status-values";
import { sampleEventBody, type SampleEvent } from "../lib/payments/sample-events";
import { PROVIDER_SECRETS, signProviderDelivery } from "../test/support/sign-payment-event";
import {
  ACCOUNTS,
  chooseAccount,
  createProduct,
  openInvitations,
  screenshotBothWidths,
  useBuyerSandbox,
  type BuyerSandbox,
} from "./support/buyer-sandbox";

// Issue 18's "done when": a buyer pays through each provider's own webhook route, with events
// signed exactly as Stripe, Lemon Squeezy and Polar sign them, in Chromium against the
// production server, the Logto stand-in, the GitHub emulator and PostgreSQL.
const PRODUCT_REFS: Record<PaymentProvider, string> = {
  stripe: "plink_demo",
  lemonsqueezy: "4901",
  polar: "8f3e1c2a-1b2c-4d5e-8f90-a1b2c3d4e5f6",
};
const PAYMENT_IDS: Record<PaymentProvider, () => string> = {
  stripe: () => `pi_${randomUUID().replaceAll("-", "").slice(0, 20)}`,
  lemonsqueezy: () => String(Math.floor(Math.random() * 9_000_000) + 1_000_000),
  polar: () => randomUUID(),
};

const sandboxEnv = {
  MERCHANT_USERS: "merchant@acme.test",
  STRIPE_WEBHOOK_SECRET: PROVIDER_SECRETS.stripe,
  LEMONSQUEEZY_WEBHOOK_SECRET: PROVIDER_SECRETS.lemonsqueezy,
  POLAR_WEBHOOK_SECRET: PROVIDER_SECRETS.polar,
};

/** Posts a provider event about `orderRef`'s payment to our route, signed as the provider signs. */
async function providerEvent(
  request: APIRequestContext,
  sandbox: BuyerSandbox,
  provider: PaymentProvider,
  payment: { orderRef: string; paymentId: string; productRef: string; minor: number },
  event: SampleEvent,
) {
  const at = new Date();
  const body = sampleEventBody(
    provider,
    `evt_${randomUUID().replaceAll("-", "")}`,
    {
      ...payment,
      amount: { minor: payment.minor, currency: "USD" },
      email: "octo@example.test",
      at,
    },
    event,
  );
  const response = await request.post(`${sandbox.baseUrl}/api/webhooks/${provider}`, {
    headers: signProviderDelivery(provider, body, { at }),
    data: body,
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as { outcome: string; orderId: string | null };
}

async function sellDemoThrough(sandbox: BuyerSandbox, provider: PaymentProvider) {
  await sandbox.sql`
    update products set payment_provider = ${provider}, provider_product_ref = ${PRODUCT_REFS[provider]}
    where slug = 'demo'`;
}

/** Buy → the checkout page; returns the pending order's id (the reference a link carries). */
async function buyDemo(page: Page) {
  await page.goto("/products/demo");
  await page.getByRole("button", { name: "Buy", exact: true }).click();
  await expect(page).toHaveURL(/\/checkout\/[A-Za-z0-9_-]{22}$/);
  return page.url().split("/").pop()!;
}

test.describe("paying through a payment provider (sandbox, PostgreSQL)", () => {
  test.setTimeout(180_000);
  const sandbox = useBuyerSandbox(sandboxEnv);

  test("octocat buys the demo product and pays through Stripe, Lemon Squeezy and Polar in turn", async ({
    browser,
    request,
  }) => {
    const context = await browser.newContext({ baseURL: sandbox().baseUrl });
    const page = await context.newPage();
    await page.goto("/products/demo");
    await page.getByRole("link", { name: "Buy — sign in with GitHub" }).click();
    await chooseAccount(page, ACCOUNTS.octocat);
    await expect(page).toHaveURL(/\/products\/demo$/);

    for (const provider of PAYMENT_PROVIDERS) {
      await sellDemoThrough(sandbox(), provider);
      const orderId = await buyDemo(page);
      const payment = {
        orderRef: orderId,
        paymentId: PAYMENT_IDS[provider](),
        productRef: PRODUCT_REFS[provider],
        minor: 4900,
      };
      const paid = await providerEvent(request, sandbox(), provider, payment, { kind: "paid" });
      expect(paid).toMatchObject({ outcome: "applied", orderId });

      await page.goto(`/purchases/${orderId}`);
      const grant = page.getByTestId("grant");
      await expect(grant.getByText("Invitation sent", { exact: true })).toBeVisible({
        timeout: 15_000,
      });
      await expect(
        grant.getByRole("link", { name: "Accept the invitation on GitHub" }),
      ).toHaveAttribute("href", "https://github.com/acme/toolkit/invitations");
      const [order] = await sandbox().sql<Array<{ payment_provider: string; status: string }>>`
        select payment_provider, status from orders where id = ${orderId}`;
      expect(order).toEqual({ payment_provider: provider, status: "paid" });
      await screenshotBothWidths(page, `payments-${provider}-invitation-sent`);

      // The provider refunds it in full: access goes, and the demo can be bought again.
      const refund = await providerEvent(request, sandbox(), provider, payment, {
        kind: "refunded",
        refunded: 4900,
      });
      expect(refund).toMatchObject({ outcome: "applied", orderId });
      await page.goto(`/purchases/${orderId}`);
      await expect(page.getByText("Refunded").first()).toBeVisible();
    }
    await context.close();
  });

  test("a cheap product's payment carrying the demo order's id invites nobody, and the merchant sees why", async ({
    browser,
    request,
  }) => {
    await createProduct(sandbox(), {
      slug: "stickers",
      name: "Sticker pack",
      owner: "acme",
      repo: "toolkit",
      permission: "pull",
    });
    await sandbox().sql`
      update products set active = true, payment_provider = 'stripe', provider_product_ref = 'plink_stickers'
      where slug = 'stickers'`;
    await sellDemoThrough(sandbox(), "stripe");

    const buyer = await browser.newContext({ baseURL: sandbox().baseUrl });
    const page = await buyer.newPage();
    await page.goto("/products/demo");
    await page.getByRole("link", { name: "Buy — sign in with GitHub" }).click();
    await chooseAccount(page, ACCOUNTS.hubot);
    const orderId = await buyDemo(page);

    // The buyer opened the sticker pack's Stripe link and pasted the demo order's id into it.
    const tampered = await providerEvent(
      request,
      sandbox(),
      "stripe",
      {
        orderRef: orderId,
        paymentId: PAYMENT_IDS.stripe(),
        productRef: "plink_stickers",
        minor: 1900,
      },
      { kind: "paid" },
    );
    expect(tampered).toMatchObject({ outcome: "mismatch", orderId });

    await page.goto(`/purchases/${orderId}`);
    await expect(page.getByText("Not paid yet.")).toBeVisible();
    await expect(page.getByText("Invitation sent", { exact: true })).toHaveCount(0);
    const invitations = await openInvitations(request, sandbox(), "acme/toolkit");
    expect(invitations.filter((open) => open.invitee.login === "hubot")).toHaveLength(0);
    const [order] = await sandbox().sql<Array<{ status: string }>>`
      select status from orders where id = ${orderId}`;
    expect(order!.status).toBe("pending");
    await screenshotBothWidths(page, "payments-tampered-buyer");
    await buyer.close();

    const merchant = await browser.newContext({ baseURL: sandbox().baseUrl });
    const dashboard = await merchant.newPage();
    await dashboard.goto("/dashboard/deliveries");
    await chooseAccount(dashboard, "sbxmerchant1");
    await expect(dashboard).toHaveURL(/\/dashboard\/deliveries$/);
    const mismatch = dashboard.getByTestId("payment-mismatch").first();
    await expect(mismatch).toContainText("Stripe payment not applied");
    await expect(mismatch).toContainText("plink_stickers");
    await screenshotBothWidths(dashboard, "payments-deliveries-mismatch");

    await mismatch.getByRole("link", { name: `order ${orderId}` }).click();
    await expect(dashboard).toHaveURL(new RegExp(`/dashboard/orders/${orderId}$`));
    await expect(dashboard.getByTestId("payment-mismatch")).toContainText(
      "not this product's plink_demo",
    );
    await screenshotBothWidths(dashboard, "payments-order-mismatch");

    // The Payments page: per provider, where to point it and what it last sent.
    await dashboard.goto("/dashboard/payments");
    const stripe = dashboard.getByRole("article", { name: "Stripe" });
    await expect(stripe).toContainText(`${sandbox().baseUrl}/api/webhooks/stripe`);
    await expect(stripe).toContainText("Set in STRIPE_WEBHOOK_SECRET.");
    await expect(stripe).toContainText("checkout.session.completed");
    const polar = dashboard.getByRole("article", { name: "Polar" });
    await polar.getByRole("button", { name: "Send a Polar test event" }).click();
    await expect(polar.getByRole("status")).toContainText(
      "it answered 200 ignored: no Repogrant order reference",
    );
    await expect(polar).toContainText("order.paid");
    await screenshotBothWidths(dashboard, "payments-page");

    const productId = (
      await sandbox().sql<Array<{ id: string }>>`select id from products where slug = 'demo'`
    )[0]!.id;
    await dashboard.goto(`/dashboard/products/${productId}`);
    await expect(dashboard.getByLabel("Payment provider")).toHaveValue("stripe");
    await expect(dashboard.getByText("client_reference_id={orderId}").first()).toBeVisible();
    await screenshotBothWidths(dashboard, "payments-product-editor");
    await merchant.close();
  });
});
