import {
  expect,
  test,
  type APIRequestContext,
  type APIResponse,
  type Browser,
  type BrowserContext,
  type Page,
} from "@playwright/test";
import { E2E_DATA_DIR, E2E_GITHUB_PORT, E2E_IDENTITY_PORT, E2E_PORT } from "../playwright.config";
import { signStandardWebhook } from "../lib/webhooks/standard-webhooks";
import { SECRET_MARKERS, secretMarkerValues } from "../test/support/secret-markers";
import { findSecrets } from "../test/support/secret-scan";
import {
  createProducts,
  EXTERNAL_IDS,
  orderDataSnapshot,
  PRODUCTS,
  type AccessWorld,
} from "./support/access-world";
import { MATRIX, PERSONAS, type Persona } from "./support/access-matrix-targets";
import { actionBody, builtServerActions } from "./support/built-server-actions";
import { ACTIONS } from "./support/server-action-rows";
import { startSignedInApp, type SignedInApp } from "./support/signed-in-app";

// Issue 17, against the production server signed in through the real @logto/next: who may see
// or change order data. Every page and route handler that reads order data is tried by every
// persona (MATRIX), and every server action of the build is posted directly by those who must
// be refused (ACTIONS); afterwards the order data is exactly as before. The server runs with
// marker secrets, and its log and every answer are finally scanned for them.

const databaseUrl = process.env.TEST_DATABASE_URL;
const GITHUB_PORT = E2E_GITHUB_PORT + 6;

const NOT_SIGNED_IN = "You are not signed in";
const NOT_STAFF = "is not on the staff list";

test.describe.configure({ mode: "serial" });

test.describe("who may see and change order data (production server, sandbox sign-in, PostgreSQL)", () => {
  test.skip(!databaseUrl && process.env.CI !== "true", "TEST_DATABASE_URL is not set");

  let app: SignedInApp;
  let api: APIRequestContext;
  let world: AccessWorld;
  const cookies = {} as Record<Persona, string>;
  const browsers: BrowserContext[] = [];
  /** Every answer the server gave here, scanned for secrets at the end. */
  const answers: { where: string; text: string }[] = [];

  test.beforeAll(async ({ browser, playwright }) => {
    test.setTimeout(180_000);
    expect(databaseUrl, "TEST_DATABASE_URL must be set when CI=true").toBeTruthy();
    // The app's database URL carries a marker password (PostgreSQL here trusts local users).
    const markedUrl = new URL(databaseUrl!);
    markedUrl.username ||= "postgres";
    markedUrl.password = new URL(SECRET_MARKERS.DATABASE_URL).password;
    app = await startSignedInApp({
      databaseUrl: markedUrl.toString(),
      port: E2E_PORT + 6,
      identityPort: E2E_IDENTITY_PORT + 6,
      dataDir: `${E2E_DATA_DIR}-access`,
      credentials: { appId: "markeraccessapp000001", appSecret: SECRET_MARKERS.LOGTO_APP_SECRET },
      env: {
        MERCHANT_USERS: "merchant@acme.test",
        SANDBOX_GITHUB_PORT: String(GITHUB_PORT),
        GITHUB_WRITE_INTERVAL_MS: "0",
        ORDER_WEBHOOK_SECRET: SECRET_MARKERS.ORDER_WEBHOOK_SECRET,
        STRIPE_WEBHOOK_SECRET: SECRET_MARKERS.STRIPE_WEBHOOK_SECRET,
        LEMONSQUEEZY_WEBHOOK_SECRET: SECRET_MARKERS.LEMONSQUEEZY_WEBHOOK_SECRET,
        POLAR_WEBHOOK_SECRET: SECRET_MARKERS.POLAR_WEBHOOK_SECRET,
        GITHUB_WEBHOOK_SECRET: SECRET_MARKERS.GITHUB_WEBHOOK_SECRET,
        CRON_SECRET: SECRET_MARKERS.CRON_SECRET,
        LOGTO_COOKIE_SECRET: SECRET_MARKERS.LOGTO_COOKIE_SECRET,
      },
    });
    // A fresh connection per request: a kept-alive one left idle through the sign-ins below can
    // be reused just as the server's 5 s keep-alive timeout closes it (ECONNRESET, seen in CI).
    api = await playwright.request.newContext({ extraHTTPHeaders: { connection: "close" } });
    const productId = await createProducts(app);

    // Buyer A buys one product and pays on the test checkout, and starts buying another.
    const buyerA = await signIn(browser, "sbxoctocat01", "/purchases");
    const paidA = await buy(buyerA, PRODUCTS.paid.slug);
    await buyerA.getByRole("button", { name: "Pay $19.00 (test)" }).click();
    await expect(buyerA).toHaveURL(new RegExp(`/purchases/${paidA}$`));
    const pendingA = await buy(buyerA, PRODUCTS.pending.slug);
    answers.push({ where: "buyer A's browser", text: await buyerA.content() });

    const paidB = await orderWebhook({ githubLogin: "hubot" }, EXTERNAL_IDS.paidB);
    await orderWebhook({ githubLogin: "ghost-nobody" }, EXTERNAL_IDS.ghost);
    // A delivery the store refuses, for the merchant's deliveries page.
    await orderWebhook({ githubLogin: "hubot" }, "sec-refused-1", "no-such-product");
    await signIn(browser, "sbxhubot0001", "/purchases");
    await signIn(browser, "sbxmerchant1", "/dashboard");
    cookies.anonymous = "";
    cookies.forged = "logto_forged=forged-session";
    const signedIn = await Promise.all(
      browsers.map(async (context) =>
        (await context.cookies(app.url))
          .filter((cookie) => cookie.name.startsWith("logto_"))
          .map((cookie) => `${cookie.name}=${cookie.value}`)
          .join("; "),
      ),
    );
    cookies.buyerA = signedIn[0]!;
    cookies.buyerB = signedIn[1]!;
    cookies.merchant = signedIn[2]!;

    // Everything settles before the order data is compared: A's and B's invitations are sent,
    // the ghost's grant failed (GitHub has no such user).
    const grantOf = async (orderId: string) =>
      (
        await app.sql<Array<{ id: string; status: string }>>`
        select id, status from grants where order_id = ${orderId}`
      )[0];
    const [ghost] = await app.sql<Array<{ id: string }>>`
      select id from orders where external_id = ${EXTERNAL_IDS.ghost}`;
    await expect
      .poll(
        async () =>
          Promise.all([paidA, paidB, ghost!.id].map(async (id) => (await grantOf(id))?.status)),
        { timeout: 30_000 },
      )
      .toEqual(["invited", "invited", "failed"]);
    world = {
      paidA,
      grantA: Number((await grantOf(paidA))!.id),
      pendingA,
      paidB,
      ghostGrant: Number((await grantOf(ghost!.id))!.id),
      productId,
    };
  });

  test.afterAll(async () => {
    for (const context of browsers) await context.close();
    await api?.dispose();
    await app?.stop();
  });

  /** Signs `account` in through the sandbox identity provider; the context is kept. */
  async function signIn(browser: Browser, account: string, landing: string): Promise<Page> {
    const context = await browser.newContext({ baseURL: app.url });
    browsers.push(context);
    const page = await context.newPage();
    await page.goto(landing);
    await page.locator(`button[name="account"][value="${account}"]`).click();
    await expect(page).toHaveURL(`${app.url}${landing}`);
    return page;
  }

  /** Buyer clicks Buy on a product: a pending order and its test checkout. */
  async function buy(page: Page, slug: string): Promise<string> {
    await page.goto(`/products/${slug}`);
    await page.getByRole("button", { name: "Buy", exact: true }).click();
    await expect(page).toHaveURL(/\/checkout\/[A-Za-z0-9_-]{22}$/);
    return new URL(page.url()).pathname.split("/").pop()!;
  }

  /** A paid order, as a shop sends it (Standard Webhooks, the marker secret); 404 for an unknown product. */
  async function orderWebhook(
    buyer: { githubLogin: string },
    externalId: string,
    product = "demo",
  ) {
    const raw = JSON.stringify({ type: "order.paid", data: { externalId, product, buyer } });
    const answer = await api.post(`${app.url}/api/webhooks/orders`, {
      data: raw,
      headers: {
        "content-type": "application/json",
        ...signStandardWebhook(raw, SECRET_MARKERS.ORDER_WEBHOOK_SECRET, {
          id: `msg_${externalId}`,
          at: new Date(),
        }),
      },
    });
    const text = await answer.text();
    answers.push({ where: `order webhook ${externalId}`, text });
    expect(answer.status(), text).toBe(product === "demo" ? 200 : 404);
    return (JSON.parse(text) as { orderId: string }).orderId;
  }

  async function remember(where: string, answer: APIResponse) {
    const text = await answer.text();
    answers.push({ where, text: `${JSON.stringify(answer.headers())}\n${text}` });
    return text;
  }

  /**
   * Order data a persona may not see outside the dashboard: everyone's but their own (the
   * merchant's own purchases hold none), less what the URL itself says.
   */
  function hiddenFrom(persona: Persona, path: string): string[] {
    const ofA = [world.paidA, world.pendingA, PRODUCTS.paid.name, PRODUCTS.pending.name];
    const ofB = [world.paidB];
    const ofStore = [EXTERNAL_IDS.paidB, EXTERNAL_IDS.ghost];
    const hidden =
      persona === "buyerA"
        ? [...ofB, ...ofStore]
        : persona === "buyerB"
          ? [...ofA, ...ofStore]
          : [...ofA, ...ofB, ...ofStore];
    return hidden.filter((value) => !path.includes(value));
  }

  test("every page and route handler answers each persona as the matrix says, and changes nothing", async () => {
    const before = await orderDataSnapshot(app);
    const outcomes: string[] = [];
    for (const [name, target] of Object.entries(MATRIX)) {
      const path = target.path(world);
      for (const persona of PERSONAS) {
        const expected = target.expect[persona];
        const answer = await api.fetch(`${app.url}${path}`, {
          method: target.method ?? "GET",
          headers: cookies[persona] ? { cookie: cookies[persona] } : {},
          maxRedirects: 0,
        });
        const body = await remember(`${persona} ${path}`, answer);
        const cell = `${name} as ${persona}: expected ${expected}`;
        const hidden = hiddenFrom(persona, path).filter(
          (value) => body.includes(value) && !target.public?.includes(value),
        );
        switch (expected) {
          case "sees":
            expect(answer.status(), cell).toBe(200);
            expect(
              target.shows(world).filter((shown) => !body.includes(shown)),
              `${cell}: not shown`,
            ).toEqual([]);
            break;
          case "own":
            expect(answer.status(), cell).toBe(200);
            expect(hidden, cell).toEqual([]);
            break;
          case "sign-in":
            expect(answer.status(), cell).toBe(307);
            expect(answer.headers().location, cell).toContain("/sign-in");
            expect(hidden, cell).toEqual([]);
            break;
          default: {
            const status = { forbidden: 403, "not-found": 404, unauthorized: 401 }[expected];
            expect(answer.status(), cell).toBe(status);
            expect(hidden, cell).toEqual([]);
          }
        }
        outcomes.push(cell);
      }
    }
    test.info().annotations.push({
      type: "access matrix",
      description: `${Object.keys(MATRIX).length} targets × ${PERSONAS.length} personas = ${outcomes.length} cells`,
    });
    expect(await orderDataSnapshot(app)).toEqual(before);

    // The trigger's refusals were its own: with the bearer secret it runs.
    const scheduled = await api.post(`${app.url}/api/cron/fulfill`, {
      headers: { authorization: `Bearer ${SECRET_MARKERS.CRON_SECRET}` },
    });
    await remember("cron with its secret", scheduled);
    expect(scheduled.status()).toBe(200);
  });

  test("every server action of the build, posted directly, refuses whoever may not run it", async () => {
    const built = builtServerActions();
    expect(built.map((action) => action.exportedName)).toEqual(Object.keys(ACTIONS).sort());
    const before = await orderDataSnapshot(app);

    for (const action of built) {
      const row = ACTIONS[action.exportedName]!;
      const page = row.page(world);
      const multipart = await actionBody(row.fields(world));
      const post = async (persona: Persona, origin = app.url) => {
        const answer = await api.post(`${app.url}${page}`, {
          headers: {
            "next-action": action.id,
            accept: "text/x-component",
            origin,
            ...(cookies[persona] ? { cookie: cookies[persona] } : {}),
          },
          multipart,
          maxRedirects: 0,
        });
        const text = await remember(`${action.exportedName} as ${persona} from ${origin}`, answer);
        return { status: answer.status(), location: answer.headers().location ?? "", text };
      };
      const name = action.exportedName;

      // No session at all: the proxy sends the private pages to sign in; elsewhere the
      // action refuses by itself. A made-up session cookie gets past the proxy: refused too.
      const anonymous = await post("anonymous");
      if (anonymous.status === 307) expect(anonymous.location, name).toContain("/sign-in");
      else expect(anonymous.text, name).toContain(NOT_SIGNED_IN);
      expect((await post("forged")).text, name).toContain(NOT_SIGNED_IN);

      if (row.access === "merchant") {
        expect((await post("buyerB")).text, `${name} as a buyer`).toContain(NOT_STAFF);
      } else if (row.refusesOtherBuyer) {
        expect((await post("buyerB")).text, `${name} on buyer A's rows`).toContain(
          row.refusesOtherBuyer,
        );
      }
      // The one who may run it, from a page of another site: refused in words (proxy.ts).
      const entitled = row.access === "merchant" ? "merchant" : "buyerA";
      const foreign = await post(entitled, "http://evil.example");
      expect(foreign.status, `${name} from a foreign origin`).toBe(403);
      expect(foreign.text, name).toContain("sent from another site");
    }
    expect(await orderDataSnapshot(app)).toEqual(before);
    test.info().annotations.push({
      type: "server actions",
      description: `${built.length} actions, each posted without a session, with a forged cookie, as a buyer (or buyer B on A's rows) and from a foreign origin`,
    });
  });

  test("the same posts from the entitled session and our origin do act: the refusals were the guard's", async () => {
    const post = async (name: string, persona: Persona) => {
      const action = builtServerActions().find((built) => built.exportedName === name)!;
      const row = ACTIONS[name]!;
      const answer = await api.post(`${app.url}${row.page(world)}`, {
        headers: {
          "next-action": action.id,
          accept: "text/x-component",
          origin: app.url,
          cookie: cookies[persona],
        },
        multipart: await actionBody(row.fields(world)),
        maxRedirects: 0,
      });
      const redirect = answer.headers()["x-action-redirect"];
      return { redirect, text: await remember(`${name} as ${persona}`, answer) };
    };

    expect((await post("retryGrantAction", "merchant")).text).toContain('"ok":true');
    const [retried] = await app.sql<Array<{ count: string }>>`
      select count(*) from grant_events where grant_id = ${world.ghostGrant}
        and kind = 'retry_requested'`;
    expect(Number(retried!.count)).toBe(1);

    // Signed by the server with the marker Stripe secret, to its own Stripe route.
    expect((await post("sendTestEventAction", "merchant")).text).toContain('"ok":true');

    // Buyer A pays the pending order by posting the action directly.
    await post("payTestOrderAction", "buyerA");
    await expect
      .poll(
        async () =>
          (
            await app.sql<Array<{ status: string }>>`
            select status from orders where id = ${world.pendingA}`
          )[0]!.status,
      )
      .toBe("paid");

    // Every other row's input, posted by the one entitled, passes the guard and the input
    // check (the action's answer, or its redirect): each refusal above was about who asked.
    // Those that take away what others act on go last, so the others can still act.
    const done = ["retryGrantAction", "sendTestEventAction", "payTestOrderAction"];
    const last = ["revokeGrantAction", "refundAction", "setActiveAction", "archiveProductAction"];
    const rank = (name: string) => last.indexOf(name);
    const order = builtServerActions()
      .map((action) => action.exportedName)
      .filter((name) => !done.includes(name))
      .sort((a, b) => rank(a) - rank(b));
    for (const exportedName of order) {
      const row = ACTIONS[exportedName]!;
      const entitled = row.access === "merchant" ? "merchant" : "buyerA";
      const { redirect, text } = await post(exportedName, entitled);
      if (!redirect) expect(text, exportedName).toContain(row.entitledAnswer ?? '"ok":true');
      for (const refusal of [NOT_SIGNED_IN, NOT_STAFF, "fieldErrors", "went wrong on our side"]) {
        expect(text, exportedName).not.toContain(refusal);
      }
    }
  });

  test("no answer and no line of the server's log carries a secret, token or private key", async () => {
    const runtimeSecrets = secretMarkerValues().filter(
      (value) =>
        value !== SECRET_MARKERS.GITHUB_TOKEN &&
        value !== SECRET_MARKERS.GITHUB_APP_PRIVATE_KEY &&
        value !== SECRET_MARKERS.DATABASE_URL,
    );
    for (const path of ["/", "/api/health", "/api/health/live"]) {
      await remember(`anonymous ${path}`, await api.get(`${app.url}${path}`));
    }
    const log = app.server.output();
    await test.info().attach("server.log", { body: log, contentType: "text/plain" });
    expect(log).toContain("Ready in");
    const findings = [
      ...findSecrets("server log", log, runtimeSecrets),
      ...answers.flatMap(({ where, text }) => findSecrets(where, text, runtimeSecrets)),
    ];
    expect(answers.length).toBeGreaterThan(100);
    expect(findings).toEqual([]);
  });
});
