import "server-only";
import { createAppAuth } from "@octokit/auth-app";
import { appJwtSigner, parseAppPrivateKey } from "./app-jwt";
import {
  buildOctokit,
  credentialKey,
  normalizeBaseUrl,
  type GithubClient,
  type GithubClientOptions,
} from "./client";
import {
  targetOwner,
  type AppInstallation,
  type GithubClientProvider,
  type InstallationTarget,
} from "./client-provider";
import { installationAuthStrategy, type AppAuth } from "./installation-auth";
import { attempt, type GithubCall, type GithubResult } from "./result";

export type AppProviderOptions = Omit<GithubClientOptions, "token"> & {
  appId: string | number;
  /** The App's private key (PEM). */
  privateKey: string;
  /** Renew an installation token this long before it expires (default 5 minutes). */
  renewBeforeMs?: number;
};

const FIVE_MINUTES_MS = 5 * 60 * 1000;

type Installation = Extract<GithubClientProvider, { mode: "app" }>;

function keyOf(target: InstallationTarget): string {
  const key = "org" in target ? `org:${target.org}` : `repo:${target.owner}/${target.repo}`;
  return key.toLowerCase();
}

/**
 * GitHub App auth. The installation for a repository is GET /repos/{owner}/{repo}/installation
 * (which also proves the installation includes that repository), for an organization's teams
 * GET /orgs/{org}/installation; both with the App's JWT. One client per installation, so write
 * pacing is per installation, as GitHub counts it.
 */
export function createAppProvider(options: AppProviderOptions): Installation {
  const { appId, privateKey, renewBeforeMs = FIVE_MINUTES_MS, ...shared } = options;
  const now = options.now ?? Date.now;
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  const createJwt = appJwtSigner(parseAppPrivateKey(privateKey), now);
  const appOctokit = buildOctokit({
    ...shared,
    baseUrl,
    // The App's own calls create nothing; they need no pacing.
    writeIntervalMs: 0,
    credentialKey: credentialKey(baseUrl, `app:${appId}`),
    auth: { authStrategy: createAppAuth, auth: { appId, createJwt } },
  });
  const appClient: GithubClient = { octokit: appOctokit, now };
  const appAuth = appOctokit.auth as AppAuth;
  const installations = new Map<string, AppInstallation>();
  const clients = new Map<number, GithubClient>();

  function forget(installationId: number): void {
    clients.delete(installationId);
    for (const [key, found] of installations) {
      if (found.id === installationId) installations.delete(key);
    }
  }

  function clientOf(installation: AppInstallation): GithubClient {
    const cached = clients.get(installation.id);
    if (cached) return cached;
    const octokit = buildOctokit({
      ...shared,
      baseUrl,
      credentialKey: credentialKey(baseUrl, `installation:${appId}:${installation.id}`),
      auth: {
        authStrategy: installationAuthStrategy({
          appAuth,
          installationId: installation.id,
          account: installation.account,
          now,
          renewBeforeMs,
          onGone: () => forget(installation.id),
        }),
      },
    });
    const client = { octokit, now };
    clients.set(installation.id, client);
    return client;
  }

  // Grants for one owner often come in bursts: they share one lookup.
  const lookups = new Map<string, Promise<GithubResult<AppInstallation>>>();

  function installationFor(target: InstallationTarget): Promise<GithubResult<AppInstallation>> {
    const key = keyOf(target);
    const cached = installations.get(key);
    if (cached) return Promise.resolve({ ok: true, value: cached, calls: [] });
    let pending = lookups.get(key);
    if (!pending) {
      pending = lookUp(target).finally(() => lookups.delete(key));
      lookups.set(key, pending);
    }
    return pending;
  }

  async function lookUp(target: InstallationTarget): Promise<GithubResult<AppInstallation>> {
    const calls: GithubCall[] = [];
    const context = {
      notFound: "app_not_installed",
      words: { owner: targetOwner(target) },
    } as const;
    const sent =
      "org" in target
        ? await attempt(
            appClient,
            calls,
            `GET /orgs/${target.org}/installation`,
            () => appOctokit.rest.apps.getOrgInstallation({ org: target.org }),
            context,
          )
        : await attempt(
            appClient,
            calls,
            `GET /repos/${target.owner}/${target.repo}/installation`,
            () => appOctokit.rest.apps.getRepoInstallation(target),
            context,
          );
    if (!sent.ok) return { ok: false, error: sent.error, calls };
    const data = sent.response.data;
    const account = data.account && "login" in data.account ? data.account.login : "";
    const found: AppInstallation = {
      id: data.id,
      account,
      accountType: data.target_type === "Organization" ? "Organization" : "User",
      permissions: { ...data.permissions },
      repositorySelection: data.repository_selection,
    };
    installations.set(keyOf(target), found);
    return { ok: true, value: found, calls };
  }

  return {
    mode: "app",
    now,
    installationFor,
    async clientFor(target) {
      const found = await installationFor(target);
      if (!found.ok) return found;
      return { ok: true, value: clientOf(found.value), calls: found.calls };
    },
  };
}
