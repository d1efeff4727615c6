import { expect, test, type Request } from "@playwright/test";
import {
  ACCOUNTS,
  createProduct,
  emulatorControl,
  openInvitations,
  screenshotBothWidths,
  sendOrderEvent,
  signedInPage,
  syncInvitations,
  useBuyerSandbox,
} from "./support/buyer-sandbox";

const DAY = 24 * 60 * 60 * 1000;

// After the purchase: expiry and a new invitation, ownership, and every state in words.
test.describe("invitations after the purchase (sandbox, PostgreSQL)", () => {
  test.setTimeout(120_000);
  const sandbox = useBuyerSandbox();

  test("an expired invitation is re-sent from the page; hubot can neither see nor trigger it", async ({
    browser,
    request,
  }) => {
    await createProduct(sandbox(), {
      slug: "dotfiles",
      name: "Dotfiles",
      owner: "acme-admin",
      repo: "dotfiles",
      permission: "push",
    });
    const orderId = await sendOrderEvent(request, sandbox(), {
      type: "order.paid",
      data: {
        externalId: "dotfiles-octocat",
        product: "dotfiles",
        buyer: { githubLogin: "octocat" },
      },
    });
    const octocat = await signedInPage(
      browser,
      sandbox(),
      `/purchases/${orderId}`,
      ACCOUNTS.octocat,
    );
    const grant = octocat.page.getByTestId("grant");
    await expect(grant.getByText("Invitation sent", { exact: true })).toBeVisible();

    // GitHub expires invitations after 7 days; the first expiry is re-sent by itself.
    for (const round of [1, 2]) {
      await emulatorControl(request, sandbox(), "advance-clock", { ms: 8 * DAY });
      await syncInvitations(request, sandbox());
      if (round === 1) {
        const resent = await openInvitations(request, sandbox(), "acme-admin/dotfiles");
        expect(resent.filter((i) => i.invitee.login === "octocat" && !i.expired)).toHaveLength(1);
      }
    }
    await octocat.page.reload();
    await expect(grant.getByText("Invitation expired", { exact: true })).toBeVisible();
    await screenshotBothWidths(octocat.page, "state-invitation-expired");

    // Take the exact request octocat's button sends, without letting it through.
    let captured: Request | undefined;
    await octocat.page.route(`**/purchases/${orderId}`, async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      captured = route.request();
      return route.abort();
    });
    await grant
      .getByRole("button", { name: "Send a new invitation to acme-admin/dotfiles" })
      .click();
    await expect.poll(() => captured).toBeDefined();
    await octocat.page.unroute(`**/purchases/${orderId}`);
    const replay = (context: { request: typeof request }, cookie?: string) =>
      context.request.post(`${sandbox().baseUrl}/purchases/${orderId}`, {
        headers: {
          "next-action": captured!.headers()["next-action"]!,
          "content-type": captured!.headers()["content-type"]!,
          accept: "text/x-component",
          origin: sandbox().baseUrl,
          ...(cookie ? { cookie } : {}),
        },
        data: captured!.postDataBuffer()!,
      });

    const hubot = await signedInPage(browser, sandbox(), "/purchases", ACCOUNTS.hubot);
    expect((await hubot.page.goto(`/purchases/${orderId}`))!.status()).toBe(404);
    await expect(hubot.page.getByText("Dotfiles")).toHaveCount(0);
    const asHubot = await replay(hubot.context);
    expect(await asHubot.text()).toContain("There is no such invitation among your purchases.");
    // A made-up session cookie gets past the proxy's redirect; the action itself refuses.
    const forged = await replay({ request }, "logto_buyerjourneys=forged");
    expect(await forged.text()).toContain("You are not signed in");
    const [unchanged] = await sandbox().sql<Array<{ status: string; resends: number }>>`
      select status, resends from grants where order_id = ${orderId}`;
    expect(unchanged).toEqual({ status: "expired", resends: 1 });

    // The owner's own click goes through and a fresh invitation arrives.
    await octocat.page.reload();
    await grant
      .getByRole("button", { name: "Send a new invitation to acme-admin/dotfiles" })
      .click();
    await expect(grant.getByText("Invitation sent", { exact: true })).toBeVisible({
      timeout: 10_000,
    });
    const open = await openInvitations(request, sandbox(), "acme-admin/dotfiles");
    expect(open.filter((i) => i.invitee.login === "octocat" && !i.expired)).toHaveLength(1);
    await hubot.context.close();
    await octocat.context.close();
  });

  test("every other state of a purchase reads in plain words", async ({ browser, request }) => {
    const hubot = await signedInPage(browser, sandbox(), "/purchases", ACCOUNTS.hubot);
    const { page } = hubot;
    const grant = page.getByTestId("grant");
    const buy = (product: string, externalId: string) =>
      sendOrderEvent(request, sandbox(), {
        type: "order.paid",
        data: { externalId, product, buyer: { githubLogin: "hubot" } },
      });

    // GitHub answers slowly: the invitation is on its way.
    await emulatorControl(request, sandbox(), "latency", { ms: 8_000 });
    const demo = await buy("demo", "hubot-demo");
    await page.goto(`/purchases/${demo}`);
    await expect(grant.getByText("Sending your invitation…")).toBeVisible();
    await screenshotBothWidths(page, "state-sending");
    await emulatorControl(request, sandbox(), "latency", { ms: 0 });
    await expect(grant.getByText("Invitation sent", { exact: true })).toBeVisible({
      timeout: 15_000,
    });

    // Declined on GitHub, found by the invitation sync.
    const invitation = (await openInvitations(request, sandbox(), "acme/toolkit")).find(
      (open) => open.invitee.login === "hubot",
    );
    await emulatorControl(request, sandbox(), "decline-invitation", { id: invitation!.id });
    await syncInvitations(request, sandbox());
    await expect(grant.getByText("Declined on GitHub", { exact: true })).toBeVisible();
    await expect(grant.getByText(/ask the seller to send a new invitation/)).toBeVisible();
    await screenshotBothWidths(page, "state-declined");

    // Refunded: the access goes.
    await sendOrderEvent(request, sandbox(), { type: "order.refunded", data: { orderId: demo } });
    await page.reload();
    await expect(grant.getByText("Access removed (refunded)", { exact: true })).toBeVisible({
      timeout: 10_000,
    });
    await screenshotBothWidths(page, "state-refunded");

    // The seller's repository does not exist: a failure the buyer cannot fix.
    await createProduct(sandbox(), {
      slug: "missing",
      name: "Missing repository",
      owner: "acme",
      repo: "missing",
      permission: "pull",
    });
    const missing = await buy("missing", "hubot-missing");
    await page.goto(`/purchases/${missing}`);
    await expect(
      grant.getByText(/^We couldn't invite you: .+\. The seller has been told\.$/),
    ).toBeVisible({
      timeout: 10_000,
    });
    await screenshotBothWidths(page, "state-failed");

    // GitHub's daily invitation limit for the repository is used up.
    await emulatorControl(request, sandbox(), "invite-daily-limit", { limit: 1 });
    const limited = await buy("dotfiles", "hubot-dotfiles");
    await page.goto(`/purchases/${limited}`);
    await expect(grant.getByText("Waiting for GitHub's daily limit", { exact: true })).toBeVisible({
      timeout: 10_000,
    });
    await expect(grant.getByText(/expected by/i)).toBeVisible();
    await screenshotBothWidths(page, "state-daily-limit");
    await emulatorControl(request, sandbox(), "invite-daily-limit", { limit: 50 });

    await page.goto("/purchases");
    await screenshotBothWidths(page, "purchases-list");
    await hubot.context.close();
  });
});
