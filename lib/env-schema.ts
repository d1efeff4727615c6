// Pure parsing, importable by scripts outside Next; the app reads it through lib/config.ts.
import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const positiveInt = (fallback: number) =>
  z.preprocess(
    (value) => (value === "" || value === undefined ? undefined : value),
    z.coerce.number().int().positive().default(fallback),
  );

/** A port to listen on; 0 (the default) picks a free one. */
const port = z.preprocess(
  (value) => (value === "" || value === undefined ? undefined : value),
  z.coerce.number().int().min(0).max(65_535).default(0),
);

const flag = z
  .enum(["", "0", "1", "true", "false"])
  .optional()
  .transform((value) => value === "1" || value === "true");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: positiveInt(3000),
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
  MERCHANT_USERS: optionalText,
  GITHUB_TOKEN: optionalText,
  GITHUB_APP_ID: optionalText,
  GITHUB_APP_PRIVATE_KEY: optionalText,
  GITHUB_API_URL: optionalText.pipe(z.url().optional()),
  GITHUB_ORG_SLUG: optionalText,
  GITHUB_WEBHOOK_SECRET: optionalText,
  GITHUB_WRITE_INTERVAL_MS: z.preprocess(
    (value) => (value === "" || value === undefined ? undefined : value),
    z.coerce.number().int().min(0).default(1000),
  ),
  ORDER_WEBHOOK_SECRET: optionalText,
  TEST_PAYMENTS: flag,
  CRON_SECRET: optionalText.pipe(z.string().min(16, "must be at least 16 characters").optional()),
  INVITE_DAILY_LIMIT: positiveInt(50),
  INVITE_RETRY_MAX_HOURS: positiveInt(72),
});

export type Env = z.infer<typeof envSchema>;

/** Logto is configured only when all four settings are present; otherwise we name the missing. */
export type LogtoSettings =
  | { configured: true; endpoint: string; appId: string; appSecret: string; cookieSecret: string }
  | { configured: false; missing: string[] };

export interface Config {
  env: Env["NODE_ENV"];
  port: number;
  appUrl: string;
  logto: LogtoSettings;
  /** MERCHANT_USERS split on commas and whitespace: Logto user ids, emails or GitHub logins. */
  merchantUsers: string[];
  databaseUrl: string | undefined;
  dataDir: string;
  pgliteDir: string;
  sandbox: boolean;
  raw: Env;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses an environment; throws one message listing every invalid variable by name. */
export function parseConfig(source: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const env = parsed.data;
  const dataDir = env.DATA_DIR ?? ".data";
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    appUrl: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    databaseUrl: env.DATABASE_URL,
    dataDir,
    pgliteDir: `${dataDir.replace(/\/$/, "")}/pglite`,
    sandbox: env.SANDBOX,
    logto: logtoSettings(env),
    merchantUsers: (env.MERCHANT_USERS ?? "").split(/[\s,]+/).filter((entry) => entry !== ""),
    raw: env,
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
