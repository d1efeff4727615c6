import { SETTING_NAMES } from "@/lib/env-schema";

// Fake secrets with values nobody could mistake for anything else, set while the app is built
// and served under test, so that a scan can look for the values themselves and not only for
// the variables' names. Each value passes the app's own validation.

const standardWebhooksSecret = (label: string) =>
  `whsec_${Buffer.from(`repogrant-marker-${label}`.padEnd(32, "-")).toString("base64")}`;

export const SECRET_MARKERS = {
  ORDER_WEBHOOK_SECRET: standardWebhooksSecret("order-webhook"),
  STRIPE_WEBHOOK_SECRET: standardWebhooksSecret("stripe"),
  LEMONSQUEEZY_WEBHOOK_SECRET: "marker-lemonsqueezy-secret-3f9a61",
  POLAR_WEBHOOK_SECRET: standardWebhooksSecret("polar"),
  GITHUB_WEBHOOK_SECRET: "marker-github-webhook-secret-7c21d4",
  CRON_SECRET: "marker-cron-secret-5e8d0b9a",
  LOGTO_APP_SECRET: "MarkerLogtoAppSecret0123456789ab",
  LOGTO_COOKIE_SECRET: "marker-logto-cookie-secret-0123456789abcdef",
  GITHUB_TOKEN: "ghp_marker00000000000000000000000000000000",
  GITHUB_APP_PRIVATE_KEY:
    "-----BEGIN RSA PRIVATE KEY-----\nMIIEmarkerPrivateKeyBody0123456789\n-----END RSA PRIVATE KEY-----",
  DATABASE_URL: "postgres://repogrant:marker-db-password-81c3@127.0.0.1:5432/repogrant",
} as const;

/** Written after a build made with these values (test/support/build-with-secret-markers.ts). */
export const MARKER_BUILD_STAMP = ".next/secret-markers-build.json";

/** What a marker leaks as: DATABASE_URL's password is the secret part of it. */
export function secretMarkerValues(): string[] {
  return Object.entries(SECRET_MARKERS).flatMap(([name, value]) =>
    name === "DATABASE_URL" ? [value, new URL(value).password] : [value],
  );
}

/** The settings that are not secret: everything else the app reads must be in SECRET_MARKERS. */
export const PUBLIC_SETTINGS = [
  "NODE_ENV",
  "PORT",
  "APP_URL",
  "DATA_DIR",
  "SANDBOX",
  "SANDBOX_GITHUB_PORT",
  "SANDBOX_IDENTITY_PORT",
  "LOGTO_ENDPOINT",
  "LOGTO_APP_ID",
  "MERCHANT_USERS",
  "GITHUB_APP_ID",
  "GITHUB_API_URL",
  "GITHUB_ORG_SLUG",
  "GITHUB_WRITE_INTERVAL_MS",
  "TEST_PAYMENTS",
  "INVITE_DAILY_LIMIT",
  "ORG_INVITE_DAILY_LIMIT",
  "INVITE_RETRY_MAX_HOURS",
  "FULFILLMENT_LEASE_SECONDS",
] as const;

/** Settings the app reads that are classed neither way (should be empty). */
export function unclassifiedSettings(): string[] {
  const classified = new Set<string>([...Object.keys(SECRET_MARKERS), ...PUBLIC_SETTINGS]);
  return SETTING_NAMES.filter((name) => !classified.has(name));
}

/** Shapes of credentials whatever their value: a private key, GitHub tokens, webhook secrets. */
export const CREDENTIAL_SHAPES: readonly RegExp[] = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /\bgh[pousr]_[A-Za-z0-9]{20,}/,
  /\bgithub_pat_[A-Za-z0-9_]{20,}/,
  /\bwhsec_[A-Za-z0-9+/=]{20,}/,
];
