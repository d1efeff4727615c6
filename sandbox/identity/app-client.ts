import { randomInt } from "node:crypto";
import type { IdentityClient } from "./oidc-configuration";

const LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
const MIXED = `ABCDEFGHIJKLMNOPQRSTUVWXYZ${LOWER}`;

function randomText(alphabet: string, length: number): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join("");
}

/** New credentials shaped like a Logto application's: a 21-character id, a 32-character secret. */
export function newAppCredentials(): { appId: string; appSecret: string } {
  return { appId: randomText(LOWER, 21), appSecret: randomText(MIXED, 32) };
}

/**
 * The Repogrant app at `appUrl` as a "Traditional web" application: the SDK's sign-in comes
 * back to `/callback`, and sign-out returns to the home page (with or without the slash).
 */
export function appClient(
  appUrl: string,
  credentials: { appId: string; appSecret: string },
): IdentityClient {
  const base = appUrl.replace(/\/+$/, "");
  return {
    ...credentials,
    redirectUris: [`${base}/callback`],
    postLogoutRedirectUris: [base, `${base}/`],
  };
}
