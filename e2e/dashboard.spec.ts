import { readFileSync } from "node:fs";
import {
  expect,
  test,
  type BrowserContext,
  type Page,
  type Request as PlaywrightRequest,
} from "@playwright/test";
import { E2E_GITHUB_PORT, E2E_IDENTITY_PORT, E2E_PORT } from "../playwright.config";
import { signedOrderRequest, TEST_WEBHOOK_SECRET } from "../test/support/sign-order-webhook";
import { startSignedInApp, type SignedInApp } from "./support/signed-in-app";

// The merchant dashboard, end to end: real @logto/next against the sandbox identity provider,
// the GitHub emulator, PostgreSQL, and the production server. Screenshots of every dashboard
// page at desktop and phone width land in test-results/dashboard/.
const databaseUrl = process.env.TEST_DATABASE_URL;
const PHONE = { width: 390, height: 844 };
const GITHUB_PORT = E2E_GITHUB_PORT + 2;
const github = `http://127.0.0.1:${GITHUB_PORT}`;

test.describe.configure({ mode: "serial" });

test.describe("the merchant dashboard (sandbox identity, GitHub emulator, PostgreSQL)", () => {
  test.skip(!databaseUrl && process.env.CI !== "true", "TEST_DATABASE_URL is not set");

  let app: SignedInApp;
  let merchant: BrowserContext;
  let buyer: BrowserContext;
  let page: Page;
  /** Every server action the merchant's browser called, to replay as others later. */
  const actions = new Map<string, PlaywrightRequest>();
  const pages = new Map<string, string>();

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000);
    expect(databaseUrl, "TEST_DATABASE_URL must be set when CI=true").toBeTruthy();
    app = await startSignedInApp({
      databaseUrl: databaseUrl!,
      port: E2E_PORT + 2,
      identityPort: E2E_IDENTITY_PORT + 1,
      dataDir: ".e2e-data/dashboard",
      env: {
        MERCHANT_USERS: "merchant@acme.test",
        ORDER_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
        SANDBOX_GITHUB_PORT: String(GITHUB_PORT),
      },
    });
    merchant = await browser.newContext({ baseURL: app.url });
    buyer = await browser.newContext({ baseURL: app.url });
    page = await merchant.newPage();
    page.on("request", (request) => {
      const id = request.headers()["next-action"];
      if (request.method() === "POST" && id && !actions.has(id)) actions.set(id, request);
    });
  });

  test.afterAll(async () => {
    await merchant?.close();
    await buyer?.close();
    await app?.stop();
  });

  async function screenshots(name: string) {
    await page.screenshot({ path: `test-results/dashboard/${name}-desktop.png`, fullPage: true });
    const desktop = page.viewportSize();
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `test-results/dashboard/${name}-phone.png`, fullPage: true });
    if (desktop) await page.setViewportSize(desktop);
  }

  const row = (index: number) => page.getByTestId("entitlement-row").nth(index);

  async function newProduct(name: string, repo: { owner: string; repo: string; role?: string }) {
    await page.goto("/dashboard/products/new");
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Price", { exact: true }).fill("49");
    await row(0).getByLabel("Owner").fill(repo.owner);
    await row(0).getByLabel("Repository").fill(repo.repo);
    if (repo.role) await row(0).getByLabel("Role").selectOption({ label: repo.role });
  }

  async function create() {
    await page.getByRole("button", { name: "Create product" }).click();
    await expect(page).toHaveURL(/\/dashboard\/products\/[0-9a-f-]{36}$/);
    pages.set("product-editor", new URL(page.url()).pathname);
  }

  test("the merchant signs in and creates a product with a repository and a team, checked with GitHub", async () => {
    await page.goto("/dashboard");
    await page.getByRole("button", { name: /^Acme Merchant\b/ }).click();
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();

    await newProduct("Toolkit Pro", { owner: "acme", repo: "toolkit" });
    await expect(page.getByLabel("Slug")).toHaveValue("toolkit-pro");
    await page.getByRole("button", { name: "Add a team" }).click();
    await row(1).getByLabel("Organization").fill("acme");
    await row(1).getByLabel("Team slug").fill("toolkit-users");
    await page.getByRole("button", { name: "Check access" }).click();
    const checks = page.getByTestId("access-check");
    await expect(checks).toHaveCount(2);
    // A fine-grained token can read but not prove "write" without writing: said in words.
    await expect(checks.nth(0)).toContainText("read access to the private repository acme/toolkit");
    await expect(checks.nth(0)).toContainText("Administration: write");
    await expect(checks.nth(1)).toContainText("the team acme/toolkit-users");
    await create();
    await page.getByRole("button", { name: "Put on sale" }).click();
    await expect(page.getByText("On sale: GitHub confirmed every row.")).toBeVisible();
    await expect(page.getByText("On sale.", { exact: true })).toBeVisible();
  });

  test("a personal repository is warned about; a missing one cannot go on sale; a taken slug is refused inline", async () => {
    await newProduct("Dotfiles", { owner: "acme-admin", repo: "dotfiles", role: "Write (push)" });
    await page.getByRole("button", { name: "Check access" }).click();
    const check = page.getByTestId("access-check");
    await expect(check).toContainText("Works, with a catch");
    await expect(check).toContainText("personal account acme-admin");

    await newProduct("Ghost", { owner: "acme", repo: "does-not-exist" });
    await create();
    await page.getByRole("button", { name: "Put on sale" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Not put on sale" })).toContainText(
      "acme/does-not-exist: GitHub could not find the repository",
    );
    await expect(page.getByText("Off sale: buyers cannot find it yet.")).toBeVisible();
    await expect(page.getByTestId("access-check")).toContainText("A sale would fail");

    await newProduct("Toolkit Pro", { owner: "acme", repo: "toolkit" });
    await page.getByRole("button", { name: "Create product" }).click();
    await expect(page.getByText("“toolkit-pro” is taken by another product")).toBeVisible();
    await expect(page.getByLabel("Slug")).toHaveAttribute("aria-invalid", "true");
  });

  test("giving hubot access by hand: invited, then active once hubot accepts, without reloading", async () => {
    await page.goto("/dashboard/give-access");
    await page.getByLabel("Product", { exact: true }).selectOption({ label: "Toolkit Pro" });
    await page.getByLabel("GitHub logins").fill("@hubot\nno-such-person-here");
    await page.getByRole("button", { name: "Give access" }).click();
    const report = page.getByRole("region", { name: "What happened" });
    await expect(report).toContainText("@hubot");
    await expect(report).toContainText("GitHub has no account with this login");
    await report.getByRole("link", { name: "Open the order" }).click();
    await expect(page.getByRole("heading", { name: /^Order / })).toBeVisible();
    pages.set("order", new URL(page.url()).pathname);
    await expect(page.getByText("Given by hand")).toBeVisible();

    const repoGrant = page.getByRole("article", { name: /acme\/toolkit$/ });
    await expect(repoGrant.getByTestId("grant-status")).toHaveText("Invitation sent", {
      timeout: 30_000,
    });
    // hubot accepts on GitHub (the emulator), which tells the app through its member webhook.
    const token = { authorization: "Bearer sandbox-token-hubot" };
    const invitations = (await (
      await fetch(`${github}/user/repository_invitations`, { headers: token })
    ).json()) as { id: number }[];
    expect(invitations.length).toBeGreaterThan(0);
    for (const invitation of invitations) {
      const accepted = await fetch(`${github}/user/repository_invitations/${invitation.id}`, {
        method: "PATCH",
        headers: token,
      });
      expect(accepted.status).toBe(204);
    }
    await expect(repoGrant.getByTestId("grant-status")).toHaveText("Has access", {
      timeout: 30_000,
    });
    await repoGrant.getByText(/^Timeline/).click();
    await expect(repoGrant).toContainText("GitHub answered 201");
  });

  test("refunding takes the access away, after a confirmation", async () => {
    await page.getByRole("button", { name: "Refund", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Refund this order?" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Refund and remove access" }).click();
    await expect(
      page.getByText("Refunded: the access this order gave is being removed."),
    ).toBeVisible();
    const repoGrant = page.getByRole("article", { name: /acme\/toolkit$/ });
    await expect(repoGrant.getByTestId("grant-status")).toHaveText("Access removed (refunded)", {
      timeout: 30_000,
    });
    const collaborator = await fetch(`${github}/repos/acme/toolkit/collaborators/hubot`, {
      headers: { authorization: "Bearer sandbox-admin-token" },
    });
    expect(collaborator.status).toBe(404);
  });

  test("the orders table filters, searches, keeps its state in the URL and exports CSV", async () => {
    const paid = signedOrderRequest(
      {
        type: "order.paid",
        timestamp: new Date().toISOString(),
        data: { externalId: "shop-1001", product: "demo", buyer: { githubLogin: "octocat" } },
      },
      { at: new Date(), url: `${app.url}/api/webhooks/orders` },
    );
    expect((await fetch(paid)).status).toBe(200);

    await page.goto("/dashboard/orders");
    const rows = page.locator("tbody tr");
    await expect(rows).toHaveCount(2);
    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Refunded" });
    await expect(page).toHaveURL(/status=refunded/);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("@hubot");

    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Any status" });
    await page.getByRole("searchbox", { name: "Search orders" }).fill("shop-1001");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/q=shop-1001/);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("@octocat");
    await page.reload();
    await expect(page.getByRole("searchbox", { name: "Search orders" })).toHaveValue("shop-1001");
    await expect(rows).toHaveCount(1);

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const csv = readFileSync(await (await download).path(), "utf8")
      .trim()
      .split("\r\n");
    expect(csv).toHaveLength(2);
    expect(csv[1]).toContain("shop-1001");
    expect(csv[1]).toContain("octocat");
  });

  test("the access audit runs from the dashboard and reports in words what it found and did", async () => {
    // octocat's demo order (above) sent an invitation; the merchant deletes it on GitHub, which
    // sends no webhook: only the audit (or the sync) can notice.
    const admin = { authorization: "Bearer sandbox-admin-token" };
    let listed: { id: number; invitee: { login: string } }[] = [];
    await expect(async () => {
      const response = await fetch(`${github}/repos/acme/toolkit/invitations`, { headers: admin });
      listed = (await response.json()) as typeof listed;
      expect(listed.map((i) => i.invitee.login)).toContain("octocat");
    }).toPass({ timeout: 30_000 });
    const invitation = listed.find((i) => i.invitee.login === "octocat")!;
    const deleted = await fetch(`${github}/repos/acme/toolkit/invitations/${invitation.id}`, {
      method: "DELETE",
      headers: admin,
    });
    expect(deleted.status).toBe(204);

    await page.goto("/dashboard");
    const section = page.getByRole("region", { name: "Access audit" });
    await section.getByRole("button", { name: "Run access audit now" }).click();
    await expect(
      page.getByText(/^Access audit done\. Checked 2 repositories and teams/),
    ).toBeVisible({
      timeout: 30_000,
    });
    await expect(section).toContainText("run from this dashboard");
    await expect(section).toContainText("corrected 1 purchase to match GitHub");
    await expect(section).toContainText(
      "@octocat no longer has the access or invitation on GitHub (removed or declined there): the purchase now says so.",
    );
    await expect(section).toContainText("Team acme/toolkit-users");
    // The collaborators the merchant added by hand are listed nowhere and untouched.
    const member = await fetch(`${github}/repos/acme/toolkit/collaborators/acme-member`, {
      headers: admin,
    });
    expect(member.status).toBe(204);
    await section.scrollIntoViewIfNeeded();
    await screenshots("access-audit");
  });

  test("every dashboard page, at desktop and phone width", async () => {
    const all: [string, string][] = [
      ["overview", "/dashboard"],
      ["orders", "/dashboard/orders"],
      ["order", pages.get("order")!],
      ["products", "/dashboard/products"],
      ["product-new", "/dashboard/products/new"],
      ["product-editor", pages.get("product-editor")!],
      ["give-access", "/dashboard/give-access"],
      ["deliveries", "/dashboard/deliveries"],
      ["not-found", "/dashboard/orders/no-such-order"],
    ];
    for (const [name, path] of all) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      if (name === "not-found")
        await expect(page.getByText("There is no such order")).toBeVisible();
      await screenshots(name);
    }
    pages.clear();
    for (const [name, path] of all) pages.set(name, path);
  });

  test("a buyer and an anonymous visitor are refused every dashboard page, the export and every action", async ({
    playwright,
  }) => {
    const buyerPage = await buyer.newPage();
    await buyerPage.goto("/sign-in");
    await buyerPage.getByRole("button", { name: /^octocat\b/ }).click();
    await expect(buyerPage.getByRole("button", { name: "Sign out" })).toBeVisible();
    const buyerCookie = (await buyer.cookies(app.url))
      .filter((cookie) => cookie.name.startsWith("logto_"))
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join("; ");

    const client = await playwright.request.newContext();
    const paths = [...pages.values(), "/dashboard/orders/export"];
    for (const path of paths) {
      const anonymous = await client.get(`${app.url}${path}`, { maxRedirects: 0 });
      expect(anonymous.status(), `anonymous ${path}`).toBe(307);
      expect(anonymous.headers().location, path).toContain("/sign-in");
      const asBuyer = await client.get(`${app.url}${path}`, {
        headers: { cookie: buyerCookie },
        maxRedirects: 0,
      });
      expect(asBuyer.status(), `buyer ${path}`).toBe(403);
    }

    const counts = async () =>
      (
        await app.sql<{ products: string; orders: string; events: string }[]>`
          select (select count(*) from products) as products, (select count(*) from orders) as orders,
                 (select count(*) from grant_events) as events`
      )[0];
    const before = await counts();
    // Check access, save, put on sale, give access and refund.
    expect(actions.size).toBeGreaterThanOrEqual(5);
    for (const [id, request] of actions) {
      const replay = (cookie?: string) =>
        client.post(`${app.url}${new URL(request.url()).pathname}`, {
          headers: {
            "next-action": id,
            "content-type": request.headers()["content-type"]!,
            accept: "text/x-component",
            origin: app.url,
            ...(cookie ? { cookie } : {}),
          },
          data: request.postDataBuffer()!,
          maxRedirects: 0,
        });
      expect((await replay()).status(), `anonymous action ${id}`).toBe(307);
      expect(await (await replay(buyerCookie)).text(), `buyer action ${id}`).toContain(
        "is not on the staff list",
      );
    }
    expect(await counts()).toEqual(before);
    await client.dispose();
  });
});
