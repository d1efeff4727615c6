import "server-only";
import { createPrivateKey, sign, type KeyObject } from "node:crypto";
import { ConfigError } from "../config-error";

// A GitHub App proves who it is with a JWT signed by its private key (RS256). We sign it
// ourselves, through @octokit/auth-app's `createJwt` option, so that its times come from the
// injected clock like everything else, and a broken key is reported at start by its variable.

/** GitHub refuses JWTs that live longer than 10 minutes. */
const LIFETIME_S = 10 * 60;
/** GitHub's advice: issue 60 s in the past, against clock drift. */
const BACKDATE_S = 60;

/** Reads the PEM from GITHUB_APP_PRIVATE_KEY, accepting `\n` escapes as .env files write them. */
export function parseAppPrivateKey(pem: string): KeyObject {
  const text = pem.trim().replace(/\\n/g, "\n");
  try {
    const key = createPrivateKey(text);
    if (key.asymmetricKeyType === "rsa") return key;
  } catch {
    // answered below
  }
  throw new ConfigError(
    "GITHUB_APP_PRIVATE_KEY is not a GitHub App private key: paste the whole .pem file GitHub " +
      "generated (from -----BEGIN … PRIVATE KEY----- to -----END … PRIVATE KEY-----).",
  );
}

export type AppJwtSigner = (
  appId: string | number,
  timeDifference?: number,
) => Promise<{ jwt: string; expiresAt: string }>;

/** `timeDifference` (s) is @octokit/auth-app's correction when GitHub's clock differs. */
export function appJwtSigner(key: KeyObject, now: () => number): AppJwtSigner {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return (appId, timeDifference = 0) => {
    const iat = Math.floor(now() / 1000) + timeDifference - BACKDATE_S;
    const exp = iat + LIFETIME_S;
    const iss = /^\d+$/.test(String(appId)) ? Number(appId) : String(appId);
    const unsigned = `${part({ alg: "RS256", typ: "JWT" })}.${part({ iat, exp, iss })}`;
    const signature = sign("RSA-SHA256", Buffer.from(unsigned), key).toString("base64url");
    return Promise.resolve({
      jwt: `${unsigned}.${signature}`,
      expiresAt: new Date(exp * 1000).toISOString(),
    });
  };
}
