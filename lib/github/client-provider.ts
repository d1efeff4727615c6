import "server-only";
import type { GithubClient } from "./client";
import type { GithubResult } from "./result";

/** What a request is about: a repository, or an organization (its teams). */
export type InstallationTarget = { owner: string; repo: string } | { org: string };

/** A GitHub App's installation on one account, as GitHub reports it. */
export type AppInstallation = {
  id: number;
  account: string;
  accountType: "Organization" | "User";
  /** The App's permissions there, e.g. { administration: "write", members: "write" }. */
  permissions: Record<string, string>;
  repositorySelection: "all" | "selected";
};

/**
 * Hands out the GitHub client for each target. With a token that is one client for everything;
 * with a GitHub App it is the client of the installation on the target's owner (looked up once,
 * then cached), whose token is minted and renewed as needed. A missing installation comes back
 * as the result `app_not_installed`.
 */
export type GithubClientProvider =
  | {
      mode: "token";
      now: () => number;
      client: GithubClient;
      clientFor(target: InstallationTarget): Promise<GithubResult<GithubClient>>;
    }
  | {
      mode: "app";
      now: () => number;
      clientFor(target: InstallationTarget): Promise<GithubResult<GithubClient>>;
      /** The installation serving `target`, with its permissions (cached like clientFor). */
      installationFor(target: InstallationTarget): Promise<GithubResult<AppInstallation>>;
    };

/** The provider for token auth: the same client for every target. */
export function tokenProvider(client: GithubClient): GithubClientProvider {
  return {
    mode: "token",
    now: client.now,
    client,
    clientFor: () => Promise.resolve({ ok: true, value: client, calls: [] }),
  };
}

export function targetOwner(target: InstallationTarget): string {
  return "org" in target ? target.org : target.owner;
}
