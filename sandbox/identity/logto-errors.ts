import type { Middleware } from "koa";

// Logto answers every oidc-provider error as JSON and adds its own fields to the OAuth ones:
// `code` (`oidc.<error>`, or `session.not_found` when the sign-in session is gone) and a
// human-readable `message`. The SDK turns that into `LogtoRequestError(code)`, so an app sees
// the same errors from the sandbox as from a real tenant. The wording here is ours.

const MESSAGES: Record<string, string> = {
  "oidc.invalid_request": "The request is invalid.",
  "oidc.invalid_client": "The client could not be authenticated.",
  "oidc.invalid_grant": "The grant (code or refresh token) is invalid, expired or revoked.",
  "oidc.invalid_redirect_uri": "The redirect_uri is not one of the application's redirect URIs.",
  "oidc.invalid_scope": "A requested scope is invalid.",
  "oidc.invalid_token": "The token is invalid, expired or revoked.",
  "oidc.invalid_target": "The resource indicator is not known.",
  "oidc.access_denied": "Access was denied.",
  "oidc.unsupported_grant_type": "This grant_type is not supported.",
  "oidc.unsupported_response_type": "This response_type is not supported.",
  "oidc.server_error": "The identity provider failed. Try again.",
  "session.not_found": "The sign-in session was not found or has expired. Start again.",
};

interface OAuthErrorBody {
  error: string;
  error_description?: string;
}

function isOAuthErrorBody(body: unknown): body is OAuthErrorBody {
  return (
    typeof body === "object" &&
    body !== null &&
    typeof (body as { error?: unknown }).error === "string" &&
    !("code" in body)
  );
}

function isSessionNotFound(description: string | undefined): boolean {
  if (!description) return false;
  return (
    (description.includes("session") && description.includes("not found")) ||
    description.includes("authorization request has expired")
  );
}

/** The body Logto sends for an OAuth error `body`. */
export function logtoErrorBody(body: OAuthErrorBody) {
  const code = isSessionNotFound(body.error_description)
    ? "session.not_found"
    : `oidc.${body.error}`;
  return {
    code,
    message: MESSAGES[code] ?? `The identity provider answered ${code}.`,
    ...body,
  };
}

/** Koa middleware for the provider: rewrites OAuth error bodies into Logto's shape. */
export const logtoErrorShape: Middleware = async (ctx, next) => {
  await next();
  if (ctx.status >= 400 && isOAuthErrorBody(ctx.body)) ctx.body = logtoErrorBody(ctx.body);
};
