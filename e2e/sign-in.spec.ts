import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { E2E_IDENTITY_PORT, E2E_PORT } from "../playwright.config";
import { signedOrderRequest, TEST_WEBHOOK_SECRET } from "../test/support/sign-order-webhook";
import { startSignedInApp, type SignedInApp } from "./support/signed-in-app";

const databaseUrl = process.env.TEST_DATABASE_URL;
const PHONE = { width: 390, height: 844 };

test.describe.configure({ mode: "serial" });

test.describe("signing in with Logto (sandbox identity provider, PostgreSQL)", () => {
  test.skip(!databaseUrl && process.env.CI !== "true", "TEST_DATABASE_URL is not set");

  let app: SignedInApp;
  let merchant: BrowserContext;
  let octocat: BrowserContext;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000);
    expect(databaseUrl, "TEST_DATABASE_URL must be set when CI=true").toBeTruthy();
    app = await startSignedInApp({
      databaseUrl: databaseUrl!,
      port: E2E_PORT + 1,
      identityPort: E2E_IDENTITY_PORT,
      dataDir: ".e2e-data/auth",
      env: { MERCHANT_USERS: "merchant@acme.test", ORDER_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET },
    });
    merchant = await browser.newContext({ baseURL: app.url });
    octocat = await browser.newContext({ baseURL: app.url });
  });

  test.afterAll(async () => {
    await merchant?.close();
    await octocat?.close();
    await app?.stop();
  });

  /** Desktop and phone screenshots of what the page shows now. */
  async function screenshots(page: Page, name: string) {
    await page.screenshot({ path: `test-results/auth/${name}-desktop.png`, fullPage: true });
    const desktop = page.viewportSize();
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `test-results/auth/${name}-phone.png`, fullPage: true });
    if (desktop) await page.setViewportSize(desktop);
  }

  async function chooseAccount(page: Page, label: string) {
    await page.getByRole("button", { name: new RegExp(`^${label}\\b`) }).click();
  }

  const sessionCookies = async (context: BrowserContext) =>
    (await context.cookies(app.url)).filter((cookie) => cookie.name.startsWith("logto_"));

  test("anonymous visitors are sent to sign in, and a forged subrequest header gains nothing", async ({
    page,
    request,
  }) => {
    await page.goto(`${app.url}/dashboard`);
    await expect(page.getByRole("heading", { name: "Sign in (sandbox)" })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Acme Merchant/ })).toBeVisible();

    await page.goto(`${app.url}/purchases`);
    await expect(
      page.getByRole("heading", { name: "Sign in with GitHub (sandbox)" }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: /^octocat/ })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Acme Merchant/ })).toHaveCount(0);

    for (const forged of ["proxy:proxy:proxy:proxy:proxy", "middleware:middleware:middleware"]) {
      const answer = await request.get(`${app.url}/dashboard`, {
        headers: { "x-middleware-subrequest": forged },
        maxRedirects: 0,
      });
      expect(answer.status()).toBe(307);
      expect(answer.headers().location).toContain("/sign-in");
    }
  });

  test("the merchant signs in and reaches the dashboard; the session cookie stays small", async () => {
    const page = await merchant.newPage();
    await page.goto("/");
    await screenshots(page, "storefront-signed-out");
    await page.getByRole("link", { name: "Sign in", exact: true }).click();
    await chooseAccount(page, "Acme Merchant");

    await expect(page).toHaveURL(`${app.url}/dashboard`);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await expect(page.getByText("Signed in as merchant@acme.test (store staff).")).toBeVisible();
    const cookies = await sessionCookies(merchant);
    expect(cookies).toHaveLength(1);
    expect(cookies[0]!.name.length + cookies[0]!.value.length).toBeLessThan(4096);
    expect(cookies[0]).toMatchObject({ httpOnly: true, secure: false, sameSite: "Lax" });
    await screenshots(page, "dashboard");
    await page.close();
  });

  test("octocat signs in with GitHub: the header shows octocat, and an order placed under the verified email is invited", async () => {
    const order = signedOrderRequest(
      {
        type: "order.paid",
        timestamp: new Date().toISOString(),
        data: {
          externalId: "e2e_email_only",
          product: "demo",
          buyer: { email: "octocat@github.com" },
        },
      },
      { at: new Date(), url: `${app.url}/api/webhooks/orders` },
    );
    expect((await fetch(order)).status).toBe(200);
    const grantStatus = async () =>
      (
        await app.sql<{ status: string }[]>`
          select g.status from grants g join orders o on o.id = g.order_id
          where o.external_id = 'e2e_email_only'`
      ).map((row) => row.status);
    expect(await grantStatus()).toEqual(["waiting_for_github"]);

    const page = await octocat.newPage();
    await page.goto("/");
    await page.getByRole("link", { name: "Sign in with GitHub" }).click();
    await chooseAccount(page, "octocat");

    await expect(page).toHaveURL(`${app.url}/purchases`);
    const person = page.getByTestId("signed-in-person");
    await expect(person).toContainText("The Octocat");
    await expect(person).toContainText("@octocat");
    await expect(page.getByRole("heading", { name: "Your purchases" })).toBeVisible();
    await expect.poll(grantStatus, { timeout: 20_000 }).toEqual(["invited"]);
    const [buyer] = await app.sql<{ github_user_id: string; github_login: string }[]>`
      select github_user_id, github_login from buyers where logto_user_id = 'sbxoctocat01'`;
    expect(buyer).toEqual({ github_user_id: "583231", github_login: "octocat" });
    await screenshots(page, "purchases-octocat");
    await page.close();
  });

  test("a buyer who opens the dashboard gets a refusal page", async () => {
    const page = await octocat.newPage();
    const answer = await page.goto("/dashboard");
    expect(answer?.status()).toBe(403);
    await expect(
      page.getByRole("heading", { name: "This page is for the store's staff" }),
    ).toBeVisible();
    await expect(page.getByText("You are signed in as octocat@github.com")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Dashboard" })).toHaveCount(0);
    await screenshots(page, "dashboard-refused");
    await page.close();
  });

  test("a direct POST to a merchant action changes nothing without a merchant session from our origin", async ({
    playwright,
  }) => {
    const failed = await failedGrant(app);
    const retries = async () =>
      Number(
        (
          await app.sql<{ count: string }[]>`
            select count(*) from grant_events where grant_id = ${failed} and kind = 'retry_requested'`
        )[0]!.count,
      );

    // The merchant retries it from the dashboard; the browser's request is the one to replay.
    const page = await merchant.newPage();
    await page.goto("/dashboard");
    const posted = page.waitForRequest(
      (req) => req.method() === "POST" && !!req.headers()["next-action"],
    );
    // The failed grant is listed under "Needs attention" with its one-click retry.
    await page.getByRole("button", { name: "Retry now", exact: true }).click();
    const action = await posted;
    await expect(page.getByText("Retrying now.")).toBeVisible();
    expect(await retries()).toBe(1);
    await page.close();

    const replay = async (cookies: string, origin: string) => {
      const context = await playwright.request.newContext();
      const answer = await context.post(`${app.url}/dashboard`, {
        headers: {
          "next-action": action.headers()["next-action"]!,
          "content-type": action.headers()["content-type"]!,
          accept: "text/x-component",
          origin,
          ...(cookies ? { cookie: cookies } : {}),
        },
        data: action.postDataBuffer()!,
        maxRedirects: 0,
      });
      const result = { status: answer.status(), body: await answer.text() };
      await context.dispose();
      return result;
    };
    const cookieHeader = async (context: BrowserContext) =>
      (await sessionCookies(context)).map((c) => `${c.name}=${c.value}`).join("; ");

    // Without a session the proxy turns the caller away; a forged cookie gets past the proxy
    // (it only looks for one), and then the action refuses by itself.
    expect((await replay("", app.url)).status).toBe(307);
    const [merchantCookie] = await sessionCookies(merchant);
    expect((await replay(`${merchantCookie!.name}=forged`, app.url)).body).toContain(
      "You are not signed in",
    );
    expect((await replay(await cookieHeader(octocat), app.url)).body).toContain(
      "is not on the staff list",
    );
    const foreign = await replay(await cookieHeader(merchant), "http://evil.example");
    expect(foreign.status).toBeGreaterThanOrEqual(400);
    expect(await retries()).toBe(1);

    // The same replay with the merchant's session from our own origin does act: the refusals
    // above were the guard's, not a broken replay. The first retry sent the grant to GitHub
    // again, and a grant being sent cannot be retried: wait until it has failed once more, as
    // the merchant would see it do before retrying.
    await expect
      .poll(
        async () =>
          (await app.sql<{ status: string }[]>`select status from grants where id = ${failed}`)[0]
            ?.status,
        { timeout: 20_000 },
      )
      .toBe("failed");
    expect((await replay(await cookieHeader(merchant), app.url)).body).toContain('"ok":true');
    expect(await retries()).toBe(2);
  });

  test("only a page load starts a sign-in: a page's background fetch of /sign-in writes no cookie", async ({
    playwright,
  }) => {
    const context = await playwright.request.newContext();
    const signIn = (destination: string) =>
      context.get(`${app.url}/sign-in?returnTo=/dashboard`, {
        headers: { "sec-fetch-dest": destination },
        maxRedirects: 0,
      });
    const background = await signIn("empty");
    expect(background.status()).toBe(204);
    expect(background.headers()["set-cookie"]).toBeUndefined();
    const load = await signIn("document");
    expect(load.status()).toBe(307);
    expect(load.headers()["location"]).toContain(`127.0.0.1:${E2E_IDENTITY_PORT}`);
    expect(load.headers()["set-cookie"]).toContain("logto_");
    await context.dispose();
  });

  test("sign-out ends the session, and the back button shows nothing private", async () => {
    const page = await merchant.newPage();
    await page.goto("/dashboard");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(`${app.url}/`);
    await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
    expect(await sessionCookies(merchant)).toEqual([]);

    await page.goBack();
    await expect(page.getByText("Signed in as merchant@acme.test")).toHaveCount(0);
    await page.close();
    // Logto's own session ended too: signing in again asks who you are. Asked in a new tab: the
    // page gone back to is the identity provider's, and a navigation of its own (its sign-out
    // page submits itself) must not race this one.
    const again = await merchant.newPage();
    await again.goto("/dashboard");
    await expect(again.getByRole("heading", { name: "Sign in (sandbox)" })).toBeVisible();
    await again.close();
  });

  test("the staff member holding Logto's merchant role reaches the dashboard, and can still switch to GitHub", async ({
    browser,
  }) => {
    const page = await newPage(browser, app.url);
    await page.goto("/sign-in");
    await chooseAccount(page, "Acme Staff");
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();

    // Signed in without GitHub, "Link GitHub" must still show the GitHub accounts: Logto would
    // otherwise reuse its session and send the same staff account straight back.
    await page.getByRole("link", { name: "Link GitHub" }).click();
    await expect(
      page.getByRole("heading", { name: "Sign in with GitHub (sandbox)" }),
    ).toBeVisible();
    await chooseAccount(page, "hubot");
    await expect(page.getByTestId("signed-in-person")).toContainText("@hubot");
    await page.context().close();
  });

  test("when the identity provider stops answering, the page says so and no session is left", async ({
    browser,
  }) => {
    const page = await newPage(browser, app.url);
    await page.goto("/sign-in?with=github");
    // Hold the way back to our callback: answer the account choice ourselves, following the
    // provider's redirects only as far as the callback URL; then take the provider down.
    let callback = "";
    const isInteraction = (url: URL) => url.pathname.startsWith("/interaction/");
    await page.route(isInteraction, async (route) => {
      let answer = await route.fetch({ maxRedirects: 0 });
      let location = answer.headers().location ?? "";
      while (location && !location.startsWith(`${app.url}/callback`)) {
        answer = await page.context().request.get(new URL(location, app.identity.endpoint).href, {
          maxRedirects: 0,
        });
        location = answer.headers().location ?? "";
      }
      callback = location;
      await route.fulfill({ status: 200, contentType: "text/plain", body: "held" });
    });
    await chooseAccount(page, "hubot");
    await expect.poll(() => callback).toContain("/callback?code=");
    await app.identity.close();

    await page.goto(callback);
    await expect(
      page.getByRole("heading", { name: "The sign-in service is not answering" }),
    ).toBeVisible();
    expect(await sessionCookies(page.context())).toEqual([]);
    await screenshots(page, "sign-in-unavailable");
    await page.context().close();
  });
});

test("with no Logto settings, the sandbox's own identity provider signs in its merchant and octocat", async ({
  browser,
  baseURL,
}) => {
  // The shared server runs `npm start` with SANDBOX=1 and no LOGTO_*: the launcher wires it.
  const merchant = await newPage(browser, baseURL!);
  await merchant.goto("/");
  await merchant.getByRole("link", { name: "Sign in", exact: true }).click();
  await merchant.getByRole("button", { name: /^Acme Merchant/ }).click();
  await expect(merchant.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await merchant.context().close();

  const buyer = await newPage(browser, baseURL!);
  await buyer.goto("/");
  await buyer.getByRole("link", { name: "Sign in with GitHub" }).click();
  await buyer.getByRole("button", { name: /^octocat/ }).click();
  await expect(buyer.getByTestId("signed-in-person")).toContainText("@octocat");
  await buyer.context().close();
});

async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  return context.newPage();
}

/** A paid order for a GitHub login that does not exist: GitHub refuses, the grant fails. */
async function failedGrant(app: SignedInApp): Promise<number> {
  const order = signedOrderRequest(
    {
      type: "order.paid",
      timestamp: new Date().toISOString(),
      data: { externalId: "e2e_ghost", product: "demo", buyer: { githubLogin: "ghost-nobody" } },
    },
    { at: new Date(), url: `${app.url}/api/webhooks/orders` },
  );
  expect((await fetch(order)).status).toBe(200);
  let id = 0;
  await expect
    .poll(
      async () => {
        const [grant] = await app.sql<{ id: string; status: string }[]>`
          select g.id, g.status from grants g join orders o on o.id = g.order_id
          where o.external_id = 'e2e_ghost'`;
        id = Number(grant?.id ?? 0);
        return grant?.status;
      },
      { timeout: 20_000 },
    )
    .toBe("failed");
  return id;
}
