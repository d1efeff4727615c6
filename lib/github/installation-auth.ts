import "server-only";
import type { createAppAuth } from "@octokit/auth-app";
import { tagGithubError } from "./classify-error";
import type { GithubOctokit } from "./client";

// An Octokit auth strategy that puts a valid installation token on every request. Tokens last
// an hour; ours is renewed `renewBeforeMs` before GitHub's `expires_at`, on the injected clock.
// @octokit/auth-app mints them (JWT → POST /app/installations/{id}/access_tokens); its own hook
// is not used because, on a 401, it sleeps and resends the same token, where we mint a new one
// at once (a revoked or early-expired token) and try once more.

export type AppAuth = ReturnType<typeof createAppAuth>;

type Request = GithubOctokit["request"];
/** What @octokit/request hands a hook: the request, merged with its defaults. */
type EndpointOptions = { method: string; url: string; headers: Record<string, unknown> } & Record<
  string,
  unknown
>;

export type InstallationAuthOptions = {
  appAuth: AppAuth;
  installationId: number;
  /** The account the installation belongs to, for the merchant's words. */
  account: string;
  now: () => number;
  renewBeforeMs: number;
  /** Called when GitHub says the installation no longer exists. */
  onGone(): void;
};

type Token = { token: string; expiresAt: number };

function statusOf(error: unknown): unknown {
  return error !== null && typeof error === "object" && "status" in error
    ? error.status
    : undefined;
}

export function installationAuthStrategy(options: InstallationAuthOptions) {
  const { appAuth, installationId, now, renewBeforeMs } = options;
  let current: Token | undefined;
  let minting: Promise<Token> | undefined;

  async function mint(): Promise<Token> {
    try {
      const minted = await appAuth({ type: "installation", installationId, refresh: true });
      return { token: minted.token, expiresAt: Date.parse(minted.expiresAt) };
    } catch (error) {
      if (!(error instanceof Error) || statusOf(error) !== 404) throw error;
      options.onGone();
      throw tagGithubError(error, "app_not_installed", { owner: options.account });
    }
  }

  async function token(renew: boolean): Promise<string> {
    const fresh = current !== undefined && current.expiresAt - renewBeforeMs > now();
    if (!fresh || renew) {
      minting ??= mint().finally(() => (minting = undefined));
      current = await minting;
    }
    return (current as Token).token;
  }

  const hook = async (request: Request, options: EndpointOptions) => {
    const send = async (renew: boolean) => {
      const authorization = `token ${await token(renew)}`;
      return request({ ...options, headers: { ...options.headers, authorization } });
    };
    try {
      return await send(false);
    } catch (error) {
      if (statusOf(error) !== 401) throw error;
      return send(true);
    }
  };

  // Octokit calls the strategy once; `octokit.auth()` answers what the token is.
  return () =>
    Object.assign(
      async () => ({ type: "token", tokenType: "installation", token: await token(false) }),
      { hook },
    );
}
