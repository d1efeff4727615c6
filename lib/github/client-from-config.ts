import "server-only";
import { createGithubClient, type GithubClient, type GithubClientOptions } from "./client";

/** The GitHub settings from lib/config.ts, passed as a plain object. */
export type GithubSettings = {
  GITHUB_TOKEN?: string;
  GITHUB_APP_PRIVATE_KEY?: string;
  GITHUB_API_URL?: string;
  GITHUB_WRITE_INTERVAL_MS?: number | string;
};

export class GithubConfigError extends Error {
  override name = "GithubConfigError";
}

const PERSONAL_TOKEN = /^(ghp_|github_pat_)/;
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
  if (legacy) {
    throw new GithubConfigError(
      "GITHUB_APP_PRIVATE_KEY holds a GitHub App key, and GitHub App sign-in is not supported " +
        "yet. Set GITHUB_TOKEN to a fine-grained token with Administration: Read and write.",
    );
  }
  throw new GithubConfigError(
    "GITHUB_TOKEN is not set: inviting buyers to GitHub needs a fine-grained token with " +
      "Administration: Read and write on the repositories you sell.",
  );
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

/** Builds the client from settings; throws GithubConfigError naming the variable to fix. */
export function githubClientFromConfig(
  settings: GithubSettings,
  overrides: Omit<GithubClientOptions, "token"> = {},
): GithubClient {
  const baseUrl = settings.GITHUB_API_URL?.trim() || undefined;
  return createGithubClient({
    token: chooseToken(settings),
    baseUrl,
    writeIntervalMs: writeInterval(settings.GITHUB_WRITE_INTERVAL_MS),
    ...overrides,
  });
}
