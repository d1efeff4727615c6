import { describe, expect, it } from "vitest";
import { parseConfig } from "../env-schema";
import { logtoConfigFrom } from "./logto-config";

const logtoEnv = {
  LOGTO_ENDPOINT: "https://tenant.logto.app/",
  LOGTO_APP_ID: "app123",
  LOGTO_APP_SECRET: "secret123",
  LOGTO_COOKIE_SECRET: "a-cookie-secret-of-at-least-32-chars",
};

describe("the Logto configuration", () => {
  it("marks the cookie Secure by APP_URL's scheme, not by NODE_ENV", () => {
    const local = logtoConfigFrom(
      parseConfig({ ...logtoEnv, NODE_ENV: "production", APP_URL: "http://localhost:3000" }),
    );
    expect(local?.cookieSecure).toBe(false);
    const deployed = logtoConfigFrom(
      parseConfig({ ...logtoEnv, NODE_ENV: "development", APP_URL: "https://shop.example.com/" }),
    );
    expect(deployed).toMatchObject({
      cookieSecure: true,
      baseUrl: "https://shop.example.com",
      endpoint: "https://tenant.logto.app",
      appId: "app123",
    });
  });

  it("asks for email, identities and roles: the GitHub identity comes from userinfo", () => {
    expect(logtoConfigFrom(parseConfig(logtoEnv))?.scopes).toEqual([
      "email",
      "identities",
      "roles",
    ]);
  });

  it("is absent with no settings, naming all four (a partial set is refused at start)", () => {
    const unset = parseConfig({});
    expect(logtoConfigFrom(unset)).toBeNull();
    expect(unset.logto).toEqual({
      configured: false,
      missing: ["LOGTO_ENDPOINT", "LOGTO_APP_ID", "LOGTO_APP_SECRET", "LOGTO_COOKIE_SECRET"],
    });
  });

  it("reads MERCHANT_USERS separated by commas, spaces or both", () => {
    const config = parseConfig({
      MERCHANT_USERS: " merchant@acme.test, octocat\n github:hubot,,logto:sbxstaff0001 ",
    });
    expect(config.merchantUsers).toEqual([
      "merchant@acme.test",
      "octocat",
      "github:hubot",
      "logto:sbxstaff0001",
    ]);
    expect(parseConfig({}).merchantUsers).toEqual([]);
  });
});
