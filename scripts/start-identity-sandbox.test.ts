import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startIdentitySandbox, type IdentitySandboxEnv } from "./start-identity-sandbox";

const APP_URL = "http://localhost:4556";

let dataDir: string;
const started: Array<{ close(): Promise<void> }> = [];

async function start(env: Record<string, string> = {}) {
  const sandbox = await startIdentitySandbox({ dataDir, appUrl: APP_URL, port: 0, env });
  started.push(sandbox);
  return sandbox;
}

/** What the authorization endpoint says to a sign-in coming back to `redirectUri`. */
async function authorize(env: IdentitySandboxEnv, redirectUri: string) {
  const url = new URL(`${env.LOGTO_ENDPOINT}/oidc/auth`);
  url.search = new URLSearchParams({
    client_id: env.LOGTO_APP_ID,
    redirect_uri: redirectUri,
    response_type: "code",
    scope: "openid",
    state: "s",
    code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    code_challenge_method: "S256",
  }).toString();
  return fetch(url, { redirect: "manual" });
}

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "identity-sandbox-"));
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
  rmSync(dataDir, { recursive: true, force: true });
});

describe("starting the sandbox identity provider for the app", () => {
  it("points the app at it, registered for APP_URL/callback, and makes the sandbox merchant a merchant", async () => {
    const { env, summary } = await start();
    expect(env).toEqual({
      LOGTO_ENDPOINT: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) as unknown,
      LOGTO_APP_ID: expect.stringMatching(/^[a-z0-9]{21}$/) as unknown,
      LOGTO_APP_SECRET: expect.stringMatching(/^[A-Za-z0-9]{32}$/) as unknown,
      LOGTO_COOKIE_SECRET: expect.stringMatching(/^.{32,}$/) as unknown,
      MERCHANT_USERS: "merchant@acme.test",
    });
    expect(summary).toContain("merchant@acme.test, staff@acme.test, octocat, hubot");

    const accepted = await authorize(env, `${APP_URL}/callback`);
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get("location")).toMatch(/^\/interaction\//);
    const refused = await authorize(env, "http://localhost:9999/callback");
    expect(refused.status).toBe(400);
  });

  it("keeps the application and the cookie secret across restarts of the same DATA_DIR", async () => {
    const first = await start();
    await first.close();
    const second = await start();
    expect(second.env.LOGTO_APP_ID).toBe(first.env.LOGTO_APP_ID);
    expect(second.env.LOGTO_APP_SECRET).toBe(first.env.LOGTO_APP_SECRET);
    expect(second.env.LOGTO_COOKIE_SECRET).toBe(first.env.LOGTO_COOKIE_SECRET);
    const stored = readFileSync(path.join(dataDir, "sandbox", "identity-app.json"), "utf8");
    expect(stored).toContain(first.env.LOGTO_COOKIE_SECRET);
  });

  it("replaces a damaged settings file instead of failing", async () => {
    const first = await start();
    writeFileSync(path.join(dataDir, "sandbox", "identity-app.json"), "{not json");
    const second = await start();
    expect(second.env.LOGTO_APP_ID).not.toBe(first.env.LOGTO_APP_ID);
    expect(second.env.LOGTO_COOKIE_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it("keeps the person's own MERCHANT_USERS and LOGTO_COOKIE_SECRET", async () => {
    const own = "a-cookie-secret-of-at-least-32-characters";
    const { env } = await start({ MERCHANT_USERS: "octocat", LOGTO_COOKIE_SECRET: own });
    expect(env.MERCHANT_USERS).toBe("octocat");
    expect(env.LOGTO_COOKIE_SECRET).toBe(own);
  });
});
