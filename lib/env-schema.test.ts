import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULTS, parseConfig } from "./env-schema";

const LOGTO = {
  LOGTO_ENDPOINT: "https://tenant.logto.app/",
  LOGTO_APP_ID: "app",
  LOGTO_APP_SECRET: "secret",
  LOGTO_COOKIE_SECRET: "c".repeat(32),
};

const SECRET_A = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const SECRET_B = "whsec_" + Buffer.alloc(32, 7).toString("base64");

describe("parseConfig", () => {
  it("runs with nothing set: PGlite under .data, no sign-in, the documented defaults", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      port: 3000,
      appUrl: "http://localhost:3000",
      databaseUrl: undefined,
      pgliteDir: ".data/pglite",
      sandbox: false,
      logto: { configured: false },
      merchantUsers: [],
      orderWebhookSecrets: [],
      cronSecret: undefined,
      github: { token: undefined, writeIntervalMs: DEFAULTS.githubWriteIntervalMs },
      fulfillment: { inviteDailyLimit: 50, inviteRetryMaxHours: 72, leaseSeconds: 300 },
    });
  });

  it("types every setting the app reads", () => {
    const config = parseConfig({
      PORT: "4000",
      SANDBOX: "1",
      SANDBOX_GITHUB_PORT: "3220",
      MERCHANT_USERS: "alice@example.com, octocat\nu_123",
      ORDER_WEBHOOK_SECRET: ` ${SECRET_A}  ${SECRET_B}\n`,
      STRIPE_WEBHOOK_SECRET: "whsec_new whsec_old",
      POLAR_WEBHOOK_SECRET: "whsec_p",
      GITHUB_TOKEN: "ghp_x",
      GITHUB_WRITE_INTERVAL_MS: "0",
      GITHUB_WEBHOOK_SECRET: "hook",
      INVITE_DAILY_LIMIT: "10",
      INVITE_RETRY_MAX_HOURS: "",
      ...LOGTO,
    });
    expect(config).toMatchObject({
      appUrl: "http://localhost:4000",
      sandbox: true,
      sandboxGithubPort: 3220,
      merchantUsers: ["alice@example.com", "octocat", "u_123"],
      orderWebhookSecrets: [SECRET_A, SECRET_B],
      paymentWebhookSecrets: {
        stripe: ["whsec_new", "whsec_old"],
        lemonsqueezy: [],
        polar: ["whsec_p"],
      },
      github: { token: "ghp_x", writeIntervalMs: 0, webhookSecret: "hook" },
      fulfillment: { inviteDailyLimit: 10, inviteRetryMaxHours: 72, leaseSeconds: 300 },
      logto: {
        configured: true,
        endpoint: "https://tenant.logto.app",
        appId: "app",
        appSecret: "secret",
      },
    });
  });

  it("names every invalid variable in one ConfigError", () => {
    const parse = () =>
      parseConfig({
        GITHUB_WRITE_INTERVAL_MS: "soon",
        CRON_SECRET: "short",
        DATABASE_URL: "mysql://x",
      });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/GITHUB_WRITE_INTERVAL_MS: must be a number of milliseconds/);
    expect(parse).toThrow(/CRON_SECRET: must be at least 16 characters/);
    expect(parse).toThrow(/DATABASE_URL: must start with postgres:\/\//);
  });

  it("refuses an ORDER_WEBHOOK_SECRET the signing library cannot use, without echoing it", () => {
    for (const bad of [
      "whsec_a",
      "whsec_!!!!",
      "hunter2-plain-password",
      `${SECRET_A} whsec_AAAA`,
    ]) {
      const parse = () => parseConfig({ ORDER_WEBHOOK_SECRET: bad });
      expect(parse).toThrow(/ORDER_WEBHOOK_SECRET: each secret must be whsec_/);
      expect(parse).not.toThrow(bad);
    }
  });

  it("refuses a half-configured sign-in, naming what is missing", () => {
    const parse = () => parseConfig({ LOGTO_ENDPOINT: LOGTO.LOGTO_ENDPOINT, LOGTO_APP_ID: "app" });
    expect(parse).toThrow(/LOGTO_APP_SECRET: is required when LOGTO_ENDPOINT is set/);
    expect(parse).toThrow(/LOGTO_COOKIE_SECRET: is required when LOGTO_ENDPOINT is set/);
  });
});
