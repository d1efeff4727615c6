import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { SANDBOX_ACCOUNTS } from "../sandbox/identity/accounts";
import { appClient, newAppCredentials } from "../sandbox/identity/app-client";
import { startIdentityProvider } from "../sandbox/identity/provider";
import type { StandIn, StandInOptions } from "./start-sandbox";

/** The sandbox merchant (sandbox/README.md), made a merchant unless MERCHANT_USERS says otherwise. */
const SANDBOX_MERCHANT = "merchant@acme.test";

const settingsSchema = z.object({
  appId: z.string().regex(/^[a-z0-9]+$/),
  appSecret: z.string().regex(/^[A-Za-z0-9]+$/),
  cookieSecret: z.string().min(32),
});
type IdentitySettings = z.infer<typeof settingsSchema>;

/**
 * The sandbox application's id, secret and cookie secret, kept under DATA_DIR/sandbox/ so a
 * restart keeps the app's session cookie readable. A missing or damaged file is replaced.
 */
export function loadIdentitySettings(dataDir: string): IdentitySettings {
  const file = path.join(dataDir, "sandbox", "identity-app.json");
  try {
    return settingsSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    const settings = {
      ...newAppCredentials(),
      cookieSecret: randomBytes(32).toString("base64url"),
    };
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
    return settings;
  }
}

/** The settings that point the app at the sandbox identity provider. */
export interface IdentitySandboxEnv extends Record<string, string> {
  LOGTO_ENDPOINT: string;
  LOGTO_APP_ID: string;
  LOGTO_APP_SECRET: string;
  LOGTO_COOKIE_SECRET: string;
  MERCHANT_USERS: string;
}

/**
 * Starts the Logto-compatible identity provider with the app registered (sign-in back to
 * `${appUrl}/callback`, sign-out back to `${appUrl}`) and returns the settings that point the
 * app at it. The person's own LOGTO_COOKIE_SECRET and MERCHANT_USERS win.
 */
export async function startIdentitySandbox(
  options: StandInOptions,
): Promise<StandIn<IdentitySandboxEnv>> {
  const settings = loadIdentitySettings(options.dataDir);
  const provider = await startIdentityProvider({
    port: options.port,
    clients: [appClient(options.appUrl, settings)],
  });
  const accounts = SANDBOX_ACCOUNTS.map((a) => a.github?.login ?? a.primaryEmail ?? a.id);
  return {
    env: {
      LOGTO_ENDPOINT: provider.endpoint,
      LOGTO_APP_ID: settings.appId,
      LOGTO_APP_SECRET: settings.appSecret,
      LOGTO_COOKIE_SECRET: options.env.LOGTO_COOKIE_SECRET?.trim() || settings.cookieSecret,
      MERCHANT_USERS: options.env.MERCHANT_USERS?.trim() || SANDBOX_MERCHANT,
    },
    summary: `identity provider at ${provider.endpoint} with the accounts ${accounts.join(", ")}.`,
    close: () => provider.close(),
  };
}
