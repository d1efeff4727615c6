import "server-only";
import { createAppProvider, type AppProviderOptions } from "./app-provider";
import { createGithubClient, type GithubClient, type GithubClientOptions } from "./client";
import { tokenProvider, type GithubClientProvider } from "./client-provider";
import { GithubConfigError } from "./config-error";

export { GithubConfigError };

/** The GitHub settings from lib/config.ts, passed as a plain object. */
export type GithubSettings = {
  GITHUB_TOKEN?: string;
  GITHUB_APP_ID?: string;
  GITHUB_APP_PRIVATE_KEY?: string;
  GITHUB_API_URL?: string;
  GITHUB_WRITE_INTERVAL_MS?: number | string;
};

const PERSONAL_TOKEN = /^(ghp_|github_pat_)/;
const PEM = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
let warnedAboutLegacyVariable = false;

function chooseToken(settings: GithubSettings): string {
  const token = settings.GITHUB_TOKEN?.trim();
  if (token) return token;
  const legacy = settings.GITHUB_APP_PRIVATE_KEY?.trim();
  // Older setups put a personal token in GITHUB_APP_PRIVATE_KEY; it still works, with a nudge.
  if (legacy && PERSONAL_TOKEN.test(legacy)) {
    if (!warnedAboutLegacyVariable) {
      warnedAboutLegacyVariable = true;
      console.warn(
        "GITHUB_APP_PRIVATE_KEY holds a personal access token, not a GitHub App key. " +
          "It is used as the GitHub token for now; move it to GITHUB_TOKEN.",
      );
    }
    return legacy;
  }
  throw new GithubConfigError(
    "GITHUB_TOKEN is not set: inviting buyers to GitHub needs a fine-grained token with " +
      "Administration: Read and write on the repositories you sell (or a GitHub App: set " +
      "GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY).",
  );
}

/** The App's id and key when the settings describe a GitHub App, else null (token auth). */
function appCredentials(settings: GithubSettings): { appId: string; privateKey: string } | null {
  const appId = settings.GITHUB_APP_ID?.trim();
  const key = settings.GITHUB_APP_PRIVATE_KEY?.trim();
  const isPem = key !== undefined && PEM.test(key);
  if (appId && key && isPem) return { appId, privateKey: key };
  if (appId && !isPem) {
    throw new GithubConfigError(
      "GITHUB_APP_ID is set but GITHUB_APP_PRIVATE_KEY holds no GitHub App private key: paste " +
        "the whole .pem file generated in the App's settings.",
    );
  }
  if (isPem) {
    throw new GithubConfigError(
      "GITHUB_APP_PRIVATE_KEY holds a GitHub App key but GITHUB_APP_ID is not set: copy the " +
        "App ID from the App's settings page.",
    );
  }
  return null;
}

function writeInterval(value: GithubSettings["GITHUB_WRITE_INTERVAL_MS"]): number | undefined {
  if (value === undefined || value === "") return undefined;
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms < 0) {
    throw new GithubConfigError(
      `GITHUB_WRITE_INTERVAL_MS must be a number of milliseconds (0 or more), got "${value}".`,
    );
  }
  return ms;
}

function sharedOptions(settings: GithubSettings) {
  return {
    baseUrl: settings.GITHUB_API_URL?.trim() || undefined,
    writeIntervalMs: writeInterval(settings.GITHUB_WRITE_INTERVAL_MS),
  };
}

/**
 * The provider for the configured credentials: a GitHub App when GITHUB_APP_ID and a PEM
 * GITHUB_APP_PRIVATE_KEY are set, else GITHUB_TOKEN. Throws GithubConfigError naming the
 * variable to fix.
 */
export function githubProviderFromConfig(
  settings: GithubSettings,
  overrides: Omit<AppProviderOptions, "appId" | "privateKey"> = {},
): GithubClientProvider {
  const app = appCredentials(settings);
  if (app) return createAppProvider({ ...sharedOptions(settings), ...app, ...overrides });
  return tokenProvider(
    createGithubClient({ token: chooseToken(settings), ...sharedOptions(settings), ...overrides }),
  );
}

/**
 * One client for token auth. A GitHub App needs a client per installation: with App settings
 * this throws, pointing at githubProviderFromConfig.
 */
export function githubClientFromConfig(
  settings: GithubSettings,
  overrides: Omit<GithubClientOptions, "token"> = {},
): GithubClient {
  if (appCredentials(settings)) {
    throw new GithubConfigError(
      "GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY configure a GitHub App, which acts through one " +
        "installation per owner: build the GitHub access with githubProviderFromConfig().",
    );
  }
  return createGithubClient({
    token: chooseToken(settings),
    ...sharedOptions(settings),
    ...overrides,
  });
}
