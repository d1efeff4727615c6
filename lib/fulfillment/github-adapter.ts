import "server-only";
import type { Config } from "../config";
import {
  findOpenInvitation,
  getUserLogin,
  githubClientFromConfig,
  inviteCollaborator,
  type GithubClient,
} from "../github";
import type { FulfillmentGithub } from "./github-port";

export function fulfillmentGithub(client: GithubClient): FulfillmentGithub {
  return {
    invite: (input) => inviteCollaborator(client, input),
    findOpenInvitation: (target) => findOpenInvitation(client, target),
    currentLogin: (githubUserId) => getUserLogin(client, githubUserId),
  };
}

// One client per process: write pacing is per credential, so every pass must share it.
const holder = globalThis as unknown as { __repograntGithub?: FulfillmentGithub };

/** Fails with a message naming GITHUB_TOKEN when no credentials are configured. */
export function githubForFulfillment(config: Config): FulfillmentGithub {
  holder.__repograntGithub ??= fulfillmentGithub(githubClientFromConfig(config.raw));
  return holder.__repograntGithub;
}
