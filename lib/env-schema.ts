// Every setting the app reads, typed and validated once, with its default. Pure parsing,
// importable by scripts outside Next; the app reads it through lib/config.ts.
import { z } from "zod";
import { ConfigError } from "./config-error";
import type { PaymentProvider } from "./db/status-values";

export { ConfigError };

/** The defaults, in one place (fulfillmentSettings() uses them too). */
export const DEFAULTS = {
  port: 3000,
  dataDir: ".data",
  githubWriteIntervalMs: 1000,
  inviteDailyLimit: 50,
  // GitHub's limit for organizations younger than a month on the free plan (500 otherwise).
  orgInviteDailyLimit: 50,
  inviteRetryMaxHours: 72,
  leaseSeconds: 300,
} as const;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const blankIsUnset = (value: unknown) => (value === "" ? undefined : value);

const positiveInt = (fallback: number) =>
  z.preprocess(blankIsUnset, z.coerce.number().int().positive().default(fallback));

/** A port to listen on; 0 (the default) picks a free one. */
const port = z.preprocess(blankIsUnset, z.coerce.number().int().min(0).max(65_535).default(0));

const flag = z
  .enum(["", "0", "1", "true", "false"])
  .optional()
  .transform((value) => value === "1" || value === "true");

const list = (separator: RegExp) =>
  optionalText.transform((value) => (value ?? "").split(separator).filter(Boolean));

/**
 * Standard Webhooks secrets: `whsec_` + base64 of 24–64 random bytes. Checked at start, because
 * a secret the signing library cannot decode would otherwise fail every delivery with a 500.
 * The message never repeats the value.
 */
const webhookSecrets = list(/\s+/).refine(
  (secrets) =>
    secrets.every((secret) => {
      const encoded = secret.startsWith("whsec_") ? secret.slice(6) : "";
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) return false;
      const bytes = Buffer.from(encoded, "base64").length;
      return bytes >= 24 && bytes <= 64;
    }),
  "each secret must be whsec_ followed by the base64 of 24 to 64 random bytes",
);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: positiveInt(DEFAULTS.port),
  APP_URL: optionalText.pipe(z.url().optional()),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
  ),
  DATA_DIR: optionalText,
  SANDBOX: flag,
  SANDBOX_GITHUB_PORT: port,
  SANDBOX_IDENTITY_PORT: port,
  LOGTO_ENDPOINT: optionalText.pipe(z.url().optional()),
  LOGTO_APP_ID: optionalText,
  LOGTO_APP_SECRET: optionalText,
  LOGTO_COOKIE_SECRET: optionalText.pipe(
    z.string().min(32, "must be at least 32 characters").optional(),
  ),
  MERCHANT_USERS: list(/[\s,]+/),
  GITHUB_TOKEN: optionalText,
  GITHUB_APP_ID: optionalText,
  GITHUB_APP_PRIVATE_KEY: optionalText,
  GITHUB_API_URL: optionalText.pipe(z.url().optional()),
  GITHUB_ORG_SLUG: optionalText,
  GITHUB_WEBHOOK_SECRET: optionalText,
  GITHUB_WRITE_INTERVAL_MS: z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ error: "must be a number of milliseconds (0 or more)" })
      .int()
      .min(0, "must be a number of milliseconds (0 or more)")
      .default(DEFAULTS.githubWriteIntervalMs),
  ),
  ORDER_WEBHOOK_SECRET: webhookSecrets,
  STRIPE_WEBHOOK_SECRET: list(/\s+/),
  LEMONSQUEEZY_WEBHOOK_SECRET: list(/\s+/),
  POLAR_WEBHOOK_SECRET: list(/\s+/),
  TEST_PAYMENTS: flag,
  CRON_SECRET: optionalText.pipe(z.string().min(16, "must be at least 16 characters").optional()),
  INVITE_DAILY_LIMIT: positiveInt(DEFAULTS.inviteDailyLimit),
  ORG_INVITE_DAILY_LIMIT: positiveInt(DEFAULTS.orgInviteDailyLimit),
  INVITE_RETRY_MAX_HOURS: positiveInt(DEFAULTS.inviteRetryMaxHours),
  FULFILLMENT_LEASE_SECONDS: positiveInt(DEFAULTS.leaseSeconds),
});

type Env = z.infer<typeof envSchema>;

/** Every variable the app reads, so a test can insist each one is classed secret or not. */
export const SETTING_NAMES = Object.keys(envSchema.shape) as (keyof Env)[];

/** The GitHub credentials and endpoint; which of token or App is used is lib/github's call. */
export interface GithubConfig {
  token: string | undefined;
  appId: string | undefined;
  appPrivateKey: string | undefined;
  apiUrl: string | undefined;
  orgSlug: string | undefined;
  webhookSecret: string | undefined;
  writeIntervalMs: number;
}

/** Logto is configured only when all four settings are present; otherwise we name the missing. */
export type LogtoSettings =
  | { configured: true; endpoint: string; appId: string; appSecret: string; cookieSecret: string }
  | { configured: false; missing: string[] };

export interface Config {
  env: Env["NODE_ENV"];
  port: number;
  appUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  pgliteDir: string;
  sandbox: boolean;
  sandboxGithubPort: number;
  sandboxIdentityPort: number;
  /** Sign-in; configured only when all four LOGTO_* variables are set. */
  logto: LogtoSettings;
  /** MERCHANT_USERS split on commas and whitespace: Logto user ids, emails or GitHub logins. */
  merchantUsers: string[];
  github: GithubConfig;
  /** Standard Webhooks secrets for the order webhook (several while rotating). */
  orderWebhookSecrets: string[];
  /** Each payment provider's webhook secrets (two while rotating); empty: its route accepts nothing. */
  paymentWebhookSecrets: Record<PaymentProvider, string[]>;
  /** TEST_PAYMENTS: products without a payment link may be paid on the test checkout. */
  testPayments: boolean;
  cronSecret: string | undefined;
  fulfillment: {
    inviteDailyLimit: number;
    orgInviteDailyLimit: number;
    inviteRetryMaxHours: number;
    leaseSeconds: number;
  };
}

const LOGTO_VARIABLES = [
  "LOGTO_ENDPOINT",
  "LOGTO_APP_ID",
  "LOGTO_APP_SECRET",
  "LOGTO_COOKIE_SECRET",
] as const;

// Sign-in either works or is off: a half-configured Logto names what is missing at start.
const withLogtoComplete = envSchema.superRefine((env, ctx) => {
  const set = LOGTO_VARIABLES.filter((name) => env[name] !== undefined);
  if (set.length === 0 || set.length === LOGTO_VARIABLES.length) return;
  for (const name of LOGTO_VARIABLES.filter((n) => env[n] === undefined)) {
    ctx.addIssue({ code: "custom", path: [name], message: `is required when ${set[0]} is set` });
  }
});

/** Parses an environment; throws one ConfigError listing every invalid variable by name. */
export function parseConfig(source: Record<string, string | undefined>): Config {
  const parsed = withLogtoComplete.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const env = parsed.data;
  const dataDir = env.DATA_DIR ?? DEFAULTS.dataDir;
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    appUrl: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    databaseUrl: env.DATABASE_URL,
    dataDir,
    pgliteDir: `${dataDir.replace(/\/$/, "")}/pglite`,
    sandbox: env.SANDBOX,
    sandboxGithubPort: env.SANDBOX_GITHUB_PORT,
    sandboxIdentityPort: env.SANDBOX_IDENTITY_PORT,
    logto: logtoSettings(env),
    merchantUsers: env.MERCHANT_USERS,
    github: {
      token: env.GITHUB_TOKEN,
      appId: env.GITHUB_APP_ID,
      appPrivateKey: env.GITHUB_APP_PRIVATE_KEY,
      apiUrl: env.GITHUB_API_URL,
      orgSlug: env.GITHUB_ORG_SLUG,
      webhookSecret: env.GITHUB_WEBHOOK_SECRET,
      writeIntervalMs: env.GITHUB_WRITE_INTERVAL_MS,
    },
    orderWebhookSecrets: env.ORDER_WEBHOOK_SECRET,
    paymentWebhookSecrets: {
      stripe: env.STRIPE_WEBHOOK_SECRET,
      lemonsqueezy: env.LEMONSQUEEZY_WEBHOOK_SECRET,
      polar: env.POLAR_WEBHOOK_SECRET,
    },
    testPayments: env.TEST_PAYMENTS,
    cronSecret: env.CRON_SECRET,
    fulfillment: {
      inviteDailyLimit: env.INVITE_DAILY_LIMIT,
      orgInviteDailyLimit: env.ORG_INVITE_DAILY_LIMIT,
      inviteRetryMaxHours: env.INVITE_RETRY_MAX_HOURS,
      leaseSeconds: env.FULFILLMENT_LEASE_SECONDS,
    },
  };
}

function logtoSettings(env: Env): LogtoSettings {
  const values = {
    LOGTO_ENDPOINT: env.LOGTO_ENDPOINT,
    LOGTO_APP_ID: env.LOGTO_APP_ID,
    LOGTO_APP_SECRET: env.LOGTO_APP_SECRET,
    LOGTO_COOKIE_SECRET: env.LOGTO_COOKIE_SECRET,
  };
  const missing = Object.entries(values)
    .filter(([, value]) => value === undefined)
    .map(([name]) => name);
  if (missing.length > 0) return { configured: false, missing };
  return {
    configured: true,
    // The SDK appends /oidc itself; a trailing slash would make it //oidc.
    endpoint: values.LOGTO_ENDPOINT!.replace(/\/$/, ""),
    appId: values.LOGTO_APP_ID!,
    appSecret: values.LOGTO_APP_SECRET!,
    cookieSecret: values.LOGTO_COOKIE_SECRET!,
  };
}
