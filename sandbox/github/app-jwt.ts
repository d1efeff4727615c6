import { createPublicKey, verify } from "node:crypto";
import { type ApiError, GENERIC_DOCS, basicError } from "./errors";
import type { AppRecord, State } from "./state";

// A GitHub App authenticates as itself with a JWT it signs (RS256) with its private key:
// `iss` is the App id, `iat`/`exp` bound a lifetime of at most 10 minutes. GitHub checks it
// against the App's public key. The wordings are GitHub's, as @octokit/auth-app recognises
// them to correct clock drift.

const MAX_LIFETIME_S = 10 * 60;
/** GitHub tolerates some clock drift; this much, here. */
const LEEWAY_S = 60;

const undecodable = () => basicError(401, "A JSON web token could not be decoded", GENERIC_DOCS);

function decodePart(part: string | undefined): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(part ?? "", "base64url").toString("utf8"));
    if (parsed !== null && typeof parsed === "object") return parsed as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw undecodable();
}

/** The App a `Bearer` JWT belongs to, or the ApiError GitHub answers with. */
export function appFromJwt(state: State, jwt: string, nowMs: number): AppRecord {
  const [head, body, signature, ...rest] = jwt.split(".");
  if (!head || !body || !signature || rest.length > 0) throw undecodable();
  const header = decodePart(head);
  const claims = decodePart(body);
  if (header.alg !== "RS256") throw undecodable();
  const app = state.apps.find((a) => String(a.id) === String(claims.iss));
  if (!app) throw undecodable();
  const signed = verify(
    "RSA-SHA256",
    Buffer.from(`${head}.${body}`),
    createPublicKey(app.publicKeyPem),
    Buffer.from(signature, "base64url"),
  );
  if (!signed) throw undecodable();

  const now = Math.floor(nowMs / 1000);
  const { iat, exp } = claims;
  if (typeof iat !== "number" || !Number.isInteger(iat) || iat > now + LEEWAY_S) {
    throw claimError(
      "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued",
    );
  }
  if (typeof exp !== "number" || exp <= now) {
    throw claimError(
      "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
    );
  }
  if (exp - iat > MAX_LIFETIME_S || exp > now + MAX_LIFETIME_S + LEEWAY_S) {
    throw claimError("'Expiration time' claim ('exp') is too far in the future");
  }
  return app;
}

function claimError(message: string): ApiError {
  return basicError(401, message, GENERIC_DOCS);
}
