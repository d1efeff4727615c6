import { LogtoRequestError, Prompt } from "@logto/node";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { accountButtons } from "@/test/support/http-browser";
import {
  APP_ID,
  APP_SECRET,
  APP_URL,
  SignInJourney,
  useIdentityProvider,
} from "@/test/support/logto-sandbox";

const provider = useIdentityProvider();

describe("sandbox identity provider with the real @logto/node SDK", () => {
  it("serves Logto's discovery document under /oidc with a client_secret_basic token endpoint", async () => {
    const { endpoint, issuer } = provider();
    expect(issuer).toBe(`${endpoint}/oidc`);
    const discovery = (await (
      await fetch(`${issuer}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer,
      authorization_endpoint: `${issuer}/auth`,
      token_endpoint: `${issuer}/token`,
      userinfo_endpoint: `${issuer}/me`,
      end_session_endpoint: `${issuer}/session/end`,
      revocation_endpoint: `${issuer}/token/revocation`,
      jwks_uri: `${issuer}/jwks`,
      code_challenge_methods_supported: ["S256"],
    });
    expect(discovery.token_endpoint_auth_methods_supported).toContain("client_secret_basic");
    expect(discovery.scopes_supported).toEqual(
      expect.arrayContaining(["identities", "roles", "email"]),
    );
  });

  it("signs the merchant in with the authorization code and PKCE, and the ID token names them", async () => {
    const journey = new SignInJourney(provider());
    const page = await journey.start();
    const authorize = new URL(journey.navigatedTo);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("prompt")).toBe("consent");

    expect(page.status).toBe(200);
    expect(page.page?.querySelector("h1")?.textContent).toBe("Sign in (sandbox)");
    expect(accountButtons(page)).toEqual([
      "Acme Merchant",
      "Acme Staff",
      "octocat",
      "hubot",
      "legacy-buyer",
      "buyer@example.test",
    ]);

    const back = await journey.browser.click(page, "Acme Merchant");
    expect(back.leftSite).toBe(true);
    expect(back.url).toMatch(new RegExp(`^${APP_URL}/callback\\?code=`));
    await journey.finish(back);

    const claims = await journey.client.getIdTokenClaims();
    expect(claims).toMatchObject({
      iss: provider().issuer,
      aud: APP_ID,
      sub: "sbxmerchant1",
      name: "Acme Merchant",
      email: "merchant@acme.test",
      email_verified: true,
      username: null,
      picture: null,
      roles: [],
    });
    expect(await journey.client.getRefreshToken()).toBeTruthy();
  });

  it("keeps the GitHub identity out of the ID token and gives it in userinfo", async () => {
    const journey = new SignInJourney(provider());
    await journey.signInAs("octocat", { directSignIn: { method: "social", target: "github" } });
    const idToken = decodeJwt((await journey.client.getIdToken())!);
    expect(idToken.sub).toBe("sbxoctocat01");
    expect(idToken).not.toHaveProperty("identities");
    expect(idToken).not.toHaveProperty("sso_identities");
    expect(typeof idToken.aud).toBe("string");

    const userInfo = await journey.client.fetchUserInfo();
    expect(userInfo.identities?.github?.userId).toBe("583231");
  });

  it("gives staff the Logto role merchant in the roles claim", async () => {
    const journey = new SignInJourney(provider());
    await journey.signInAs("Acme Staff");
    expect(await journey.client.getIdTokenClaims()).toMatchObject({
      sub: "sbxstaff0001",
      roles: ["merchant"],
      username: "acme-staff",
    });
  });

  it("renews an expired access token with the refresh token", async () => {
    const journey = new SignInJourney(provider());
    await journey.signInAs("hubot");
    const first = await journey.client.getAccessToken();

    await journey.expireAccessTokens();
    const client = journey.nextRequest();
    const renewed = await client.getAccessToken();
    expect(renewed).not.toBe(first);
    expect((await client.getIdTokenClaims()).sub).toBe("sbxhubot0001");
    expect((await client.fetchUserInfo()).email).toBe("hubot@github.com");
  });

  it("signs out: revokes the refresh token, ends the session and returns to the app", async () => {
    const journey = new SignInJourney(provider());
    await journey.signInAs("Acme Merchant");
    const refreshToken = (await journey.client.getRefreshToken())!;
    const idToken = (await journey.client.getIdToken())!;

    await journey.client.signOut(APP_URL);
    expect(await journey.client.isAuthenticated()).toBe(false);

    // Revocation alone (the browser has not reached end-session yet) makes the refresh token
    // useless, and the refusal comes in Logto's error shape.
    await journey.storage.setItem("idToken", idToken);
    await journey.storage.setItem("refreshToken", refreshToken);
    const refused = await journey
      .nextRequest()
      .getAccessToken()
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LogtoRequestError);
    expect(refused).toMatchObject({ code: "oidc.invalid_grant" });

    const logoutPage = await journey.browser.visit(journey.navigatedTo, { scripts: false });
    expect(logoutPage.page?.querySelector("h1")?.textContent).toBe("Signing out…");
    // Its script submits the form at once; the button does the same without scripts.
    const back = await journey.browser.click(logoutPage, "Sign out");
    expect(back).toMatchObject({ leftSite: true, url: `${APP_URL}/` });

    // The provider session ended too: the next sign-in shows the page again.
    const again = await journey.start();
    expect(accountButtons(again)).toContain("Acme Merchant");
  });

  it("refuses a post-logout redirect URI the app did not register", async () => {
    const { issuer } = provider();
    const url = `${issuer}/session/end?client_id=${APP_ID}&post_logout_redirect_uri=${encodeURIComponent("http://evil.test/")}`;
    const response = await fetch(url, { redirect: "manual", headers: { accept: "text/html" } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "oidc.invalid_request" });
  });

  it("does not show the page again while the provider session lasts, unless prompt=login", async () => {
    const journey = new SignInJourney(provider());
    await journey.signInAs("Acme Merchant");

    const silent = await journey.start();
    expect(silent.leftSite).toBe(true);
    await journey.finish(silent);
    expect((await journey.client.getIdTokenClaims()).sub).toBe("sbxmerchant1");

    const forced = await journey.start({
      prompt: [Prompt.Login, Prompt.Consent],
      directSignIn: { method: "social", target: "github" },
    });
    expect(forced.status).toBe(200);
    expect(accountButtons(forced)).toContain("octocat");
    await journey.finish(await journey.browser.click(forced, "octocat"));
    expect((await journey.client.getIdTokenClaims()).sub).toBe("sbxoctocat01");
    expect(await journey.client.getRefreshToken()).toBeTruthy();
  });

  it("refuses an unregistered redirect URI with Logto's error body", async () => {
    const { issuer } = provider();
    const url = new URL(`${issuer}/auth`);
    url.search = new URLSearchParams({
      client_id: APP_ID,
      redirect_uri: "http://evil.test/callback",
      response_type: "code",
      scope: "openid",
      code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
      code_challenge_method: "S256",
      state: "s",
    }).toString();
    const response = await fetch(url, { redirect: "manual", headers: { accept: "text/html" } });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.json()).toMatchObject({
      code: "oidc.invalid_redirect_uri",
      message: expect.stringContaining("redirect_uri") as unknown,
      error: "invalid_redirect_uri",
    });
  });

  it("refuses a wrong client secret on the token endpoint", async () => {
    const { issuer } = provider();
    const response = await fetch(`${issuer}/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${APP_ID}:wrong${APP_SECRET}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: "x" }).toString(),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      code: "oidc.invalid_client",
      error: "invalid_client",
    });
  });
});
