import { describe, expect, it } from "vitest";
import { accountButtons } from "@/test/support/http-browser";
import { APP_URL, SignInJourney, useIdentityProvider } from "@/test/support/logto-sandbox";

const provider = useIdentityProvider();
const github = { directSignIn: { method: "social", target: "github" } } as const;

describe("sandbox sign-in page", () => {
  it("with direct_sign_in=social:github offers only the accounts that have a GitHub identity", async () => {
    const journey = new SignInJourney(provider());
    const page = await journey.start(github);
    expect(new URL(journey.navigatedTo).searchParams.get("direct_sign_in")).toBe("social:github");
    expect(page.page?.querySelector("h1")?.textContent).toBe("Sign in with GitHub (sandbox)");
    expect(accountButtons(page)).toEqual(["octocat", "hubot", "legacy-buyer"]);
  });

  it("falls back to every account for a connector the sandbox does not have, as Logto does", async () => {
    const journey = new SignInJourney(provider());
    const page = await journey.start({ directSignIn: { method: "social", target: "google" } });
    expect(page.page?.querySelector("h1")?.textContent).toBe("Sign in (sandbox)");
    expect(accountButtons(page)).toHaveLength(6);
  });

  it("refuses an account the GitHub sign-in did not offer, and issues nothing", async () => {
    const journey = new SignInJourney(provider());
    const page = await journey.start(github);
    const form = new URLSearchParams({ account: "sbxmerchant1" });
    const action = new URL(page.page!.querySelector("form")!.getAttribute("action")!, page.url);
    const refused = await journey.browser.visit(action.href, { method: "POST", form });
    expect(refused.status).toBe(400);
    expect(refused.page?.querySelector("h1")?.textContent).toBe("Unknown account");

    // The same sign-in can still go on with an account it offers.
    const back = await journey.browser.click(page, "legacy-buyer");
    await journey.finish(back);
    expect((await journey.client.getIdTokenClaims()).sub).toBe("sbxlegacy001");
  });

  it("sends the person back to the app with access_denied when they cancel", async () => {
    const journey = new SignInJourney(provider());
    const page = await journey.start();
    const back = await journey.browser.click(page, "Cancel and go back");
    expect(back.leftSite).toBe(true);
    const callback = new URL(back.url);
    expect(`${callback.origin}${callback.pathname}`).toBe(`${APP_URL}/callback`);
    expect(callback.searchParams.get("error")).toBe("access_denied");
    await expect(journey.finish(back)).rejects.toThrow();
    expect(await journey.client.isAuthenticated()).toBe(false);
  });

  it("explains an expired sign-in instead of failing when the interaction cookie is gone", async () => {
    const journey = new SignInJourney(provider());
    const page = await journey.start();
    const response = await fetch(page.url, { headers: { accept: "text/html" } });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("This sign-in has expired");
  });
});
