import "server-only";
import type { Config } from "../config";
import {
  cancelInvitation,
  findOpenInvitation,
  getCollaboratorAccess,
  getUserLogin,
  githubClientFromConfig,
  inviteCollaborator,
  listRepoInvitations,
  removeCollaborator,
  updateInvitationPermission,
  type GithubClient,
} from "../github";
import type { FulfillmentGithub } from "./github-port";

export function fulfillmentGithub(client: GithubClient): FulfillmentGithub {
  return {
    invite: (input) => inviteCollaborator(client, input),
    findOpenInvitation: (target) => findOpenInvitation(client, target),
    currentLogin: (githubUserId) => getUserLogin(client, githubUserId),
    listInvitations: (target) => listRepoInvitations(client, target),
    cancelInvitation: (target) => cancelInvitation(client, target),
    updateInvitationPermission: (target) => updateInvitationPermission(client, target),
    collaboratorAccess: (target) => getCollaboratorAccess(client, target),
    removeCollaborator: (target) => removeCollaborator(client, target),
  };
}

// One client per process: write pacing is per credential, so every pass must share it.
const holder = globalThis as unknown as { __repograntGithub?: FulfillmentGithub };

/** Fails with a message naming GITHUB_TOKEN when no credentials are configured. */
export function githubForFulfillment(config: Config): FulfillmentGithub {
  holder.__repograntGithub ??= fulfillmentGithub(githubClientFromConfig(config.raw));
  return holder.__repograntGithub;
}
