import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import {
  E2E_CRON_SECRET,
  E2E_DATA_DIR,
  E2E_GITHUB_PORT,
  E2E_IDENTITY_PORT,
  E2E_ORDER_WEBHOOK_SECRET,
  E2E_PORT,
} from "../../playwright.config";
import { signedOrderDelivery } from "./signed-order-delivery";
import { startSignedInApp } from "./signed-in-app";

/** Sandbox accounts of the identity stand-in (sandbox/README.md), by their Logto user id. */
export const ACCOUNTS = {
  octocat: "sbxoctocat01",
  hubot: "sbxhubot0001",
  emailOnly: "sbxbuyer0001",
} as const;

const ADMIN = { authorization: "Bearer sandbox-admin-token" };

/**
 * The buyer journeys' own server (the sign-in journeys' signed-in app on PostgreSQL), with the
 * GitHub emulator on a known port so that the journeys can act as GitHub.
 */
export async function startBuyerSandbox(
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
) {
  const githubPort = E2E_GITHUB_PORT + 4;
  const app = await startSignedInApp({
    databaseUrl,
    port: E2E_PORT + 4,
    identityPort: E2E_IDENTITY_PORT + 4,
    dataDir: `${E2E_DATA_DIR}-buyer`,
    env: {
      SANDBOX_GITHUB_PORT: String(githubPort),
      ORDER_WEBHOOK_SECRET: E2E_ORDER_WEBHOOK_SECRET,
      CRON_SECRET: E2E_CRON_SECRET,
      GITHUB_WRITE_INTERVAL_MS: "0",
      ...extraEnv,
    },
  });
  return {
    baseUrl: app.url,
    github: `http://127.0.0.1:${githubPort}`,
    sql: app.sql,
    stop: () => app.stop(),
  };
}

export type BuyerSandbox = Awaited<ReturnType<typeof startBuyerSandbox>>;

/** Picks an account on the identity stand-in's sign-in page. */
export async function chooseAccount(page: Page, accountId: string) {
  await page.locator(`button[name="account"][value="${accountId}"]`).click();
}

export async function emulatorControl(
  request: APIRequestContext,
  sandbox: BuyerSandbox,
  action: string,
  body: unknown = {},
) {
  const response = await request.post(`${sandbox.github}/_emulator/${action}`, { data: body });
  if (!response.ok()) throw new Error(`${action}: ${response.status()} ${await response.text()}`);
}

export async function openInvitations(
  request: APIRequestContext,
  sandbox: BuyerSandbox,
  repo: string,
): Promise<Array<{ id: number; invitee: { login: string }; expired?: boolean }>> {
  const response = await request.get(`${sandbox.github}/repos/${repo}/invitations`, {
    headers: ADMIN,
  });
  return (await response.json()) as Array<{ id: number; invitee: { login: string } }>;
}

/** A Standard Webhooks delivery to our own order webhook, as a payment provider sends it. */
export async function sendOrderEvent(
  request: APIRequestContext,
  sandbox: BuyerSandbox,
  event: { type: "order.paid" | "order.refunded"; data: Record<string, unknown> },
) {
  const id = `msg_${randomBytes(8).toString("hex")}`;
  const response = await request.post(
    `${sandbox.baseUrl}/api/webhooks/orders`,
    signedOrderDelivery(event, id),
  );
  if (!response.ok())
    throw new Error(`order webhook: ${response.status()} ${await response.text()}`);
  return ((await response.json()) as { orderId: string }).orderId;
}

/** Asks the server to read open invitations from GitHub now (it does so every 5 minutes). */
export async function syncInvitations(request: APIRequestContext, sandbox: BuyerSandbox) {
  const response = await request.post(`${sandbox.baseUrl}/api/cron/fulfill?sync=1`, {
    headers: { authorization: `Bearer ${E2E_CRON_SECRET}` },
  });
  if (!response.ok()) throw new Error(`cron: ${response.status()} ${await response.text()}`);
}

/** A product on the sandbox world, straight into the database (the dashboard is not ours). */
export async function createProduct(
  sandbox: BuyerSandbox,
  product: { slug: string; name: string; owner: string; repo: string; permission: string },
) {
  const [row] = await sandbox.sql<Array<{ id: string }>>`
    insert into products (slug, name, description, price_cents, currency)
    values (${product.slug}, ${product.name}, '', 1900, 'USD') returning id`;
  await sandbox.sql`
    insert into entitlements (product_id, kind, owner, repo, permission, position)
    values (${row!.id}, 'github_repo', ${product.owner}, ${product.repo}, ${product.permission}, 0)`;
}

const SHOTS = "test-results/buyer";

/** Saves the page at desktop and phone width: test-results/buyer/<name>-{desktop,phone}.png. */
export async function screenshotBothWidths(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  const desktop = page.viewportSize() ?? { width: 1280, height: 720 };
  await page.screenshot({ path: `${SHOTS}/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/${name}-phone.png`, fullPage: true });
  await page.setViewportSize(desktop);
}

/**
 * The sandbox for one journey file: started before its tests, stopped after. The journeys run
 * on PostgreSQL, so without TEST_DATABASE_URL they are skipped (CI=true insists on it).
 */
export function useBuyerSandbox(extraEnv: Record<string, string> = {}): () => BuyerSandbox {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  let sandbox: BuyerSandbox | undefined;
  test.describe.configure({ mode: "serial" });
  test.skip(!databaseUrl && process.env.CI !== "true", "TEST_DATABASE_URL is not set");
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    sandbox = await startBuyerSandbox(databaseUrl!, extraEnv);
  });
  test.afterAll(async () => {
    await sandbox?.stop();
  });
  return () => sandbox!;
}

/** A fresh browser profile that opens `path`, signs in as `account` there and comes back. */
export async function signedInPage(
  browser: Browser,
  sandbox: BuyerSandbox,
  path: string,
  account: string,
) {
  const context = await browser.newContext({ baseURL: sandbox.baseUrl });
  const page = await context.newPage();
  await page.goto(path);
  await chooseAccount(page, account);
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  return { context, page };
}
