import "server-only";
import { Prompt, UserScope, type LogtoNextConfig } from "@logto/next";
import { getConfig, type Config } from "../config";

export { Prompt };

/**
 * The one place the SDK's settings are built. `cookieSecure` follows APP_URL's scheme rather
 * than NODE_ENV: `next start` is "production" even on plain http, where a Secure cookie would
 * never come back. Identities come from userinfo, never the ID token: the cookie holds the ID
 * token and would pass the browser's 4 KB limit with a GitHub profile in it.
 */
export function logtoConfigFrom(config: Config): LogtoNextConfig | null {
  if (!config.logto.configured) return null;
  return {
    endpoint: config.logto.endpoint,
    appId: config.logto.appId,
    appSecret: config.logto.appSecret,
    cookieSecret: config.logto.cookieSecret,
    baseUrl: config.appUrl,
    cookieSecure: new URL(config.appUrl).protocol === "https:",
    scopes: [UserScope.Email, UserScope.Identities, UserScope.Roles],
  };
}

export function getLogtoConfig(): LogtoNextConfig | null {
  return logtoConfigFrom(getConfig());
}

/** The SDK's session cookie, `logto_<appId>`; cleared by us when a sign-in fails halfway. */
export function sessionCookieName(config: LogtoNextConfig): string {
  return `logto_${config.appId}`;
}
