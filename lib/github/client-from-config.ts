import "server-only";
import { createAppProvider, type AppProviderOptions } from "./app-provider";
import { createGithubClient, type GithubClient, type GithubClientOptions } from "./client";
import { tokenProvider, type GithubClientProvider } from "./client-provider";
import { ConfigError } from "../config-error";
import type { GithubConfig } from "../env-schema";

/** The GitHub part of lib/config.ts (validated there); tests may pass only what they use. */
export type GithubSettings = Partial<
  Pick<GithubConfig, "token" | "appId" | "appPrivateKey" | "apiUrl" | "writeIntervalMs">
>;

const PERSONAL_TOKEN = /^(ghp_|github_pat_)/;
const PEM = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
let warnedAboutLegacyVariable = false;

function chooseToken(settings: GithubSettings): string {
  const token = settings.token?.trim();
  if (token) return token;
  const legacy = settings.appPrivateKey?.trim();
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
  throw new ConfigError(
    "GITHUB_TOKEN is not set: inviting buyers to GitHub needs a fine-grained token with " +
      "Administration: Read and write on the repositories you sell (or a GitHub App: set " +
      "GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY).",
  );
}

/** The App's id and key when the settings describe a GitHub App, else null (token auth). */
function appCredentials(settings: GithubSettings): { appId: string; privateKey: string } | null {
  const appId = settings.appId?.trim();
  const key = settings.appPrivateKey?.trim();
  const isPem = key !== undefined && PEM.test(key);
  if (appId && key && isPem) return { appId, privateKey: key };
  if (appId && !isPem) {
    throw new ConfigError(
      "GITHUB_APP_ID is set but GITHUB_APP_PRIVATE_KEY holds no GitHub App private key: paste " +
        "the whole .pem file generated in the App's settings.",
    );
  }
  if (isPem) {
    throw new ConfigError(
      "GITHUB_APP_PRIVATE_KEY holds a GitHub App key but GITHUB_APP_ID is not set: copy the " +
        "App ID from the App's settings page.",
    );
  }
  return null;
}

function sharedOptions(settings: GithubSettings) {
  return {
    baseUrl: settings.apiUrl?.trim() || undefined,
    writeIntervalMs: settings.writeIntervalMs,
  };
}

/**
 * The provider for the configured credentials: a GitHub App when GITHUB_APP_ID and a PEM
 * GITHUB_APP_PRIVATE_KEY are set, else GITHUB_TOKEN. Throws ConfigError naming the
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
    throw new ConfigError(
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
