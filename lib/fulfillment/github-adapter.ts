import "server-only";
import type { Config } from "../config";
import { getDb } from "../db";
import {
  addTeamMember,
  cancelInvitation,
  findOpenInvitation,
  getCollaboratorAccess,
  getTeamMembership,
  getUserByLogin,
  getUserLogin,
  githubProviderFromConfig,
  inviteCollaborator,
  isOrgMember,
  listDirectCollaborators,
  listOrgInvitations,
  listRepoInvitations,
  listTeamMembers,
  removeCollaborator,
  removeOrgMember,
  removeTeamMember,
  updateInvitationPermission,
  type GithubClient,
  type GithubClientProvider,
  type GithubResult,
  type InstallationTarget,
} from "../github";
import type { FulfillmentGithub } from "./github-port";
import { postgresWriteTurns } from "./github-write-turns";

/**
 * Runs `operation` with the client serving `target`. With a GitHub App that may first look up
 * the owner's installation; its calls are reported with the operation's, and a missing
 * installation is the operation's answer (action_required: install the App).
 */
async function through<T>(
  provider: GithubClientProvider,
  target: InstallationTarget,
  operation: (client: GithubClient) => Promise<GithubResult<T>>,
): Promise<GithubResult<T>> {
  const found = await provider.clientFor(target);
  if (!found.ok) return found;
  const result = await operation(found.value);
  return { ...result, calls: [...found.calls, ...result.calls] };
}

const repoOf = (t: { owner: string; repo: string }) => ({ owner: t.owner, repo: t.repo });

export function fulfillmentGithub(provider: GithubClientProvider): FulfillmentGithub {
  return {
    invite: (input) => through(provider, repoOf(input), (c) => inviteCollaborator(c, input)),
    findOpenInvitation: (t) => through(provider, repoOf(t), (c) => findOpenInvitation(c, t)),
    currentLogin: (via, id) => through(provider, via, (c) => getUserLogin(c, id)),
    accountByLogin: (via, login) => through(provider, via, (c) => getUserByLogin(c, login)),
    listInvitations: (t) => through(provider, repoOf(t), (c) => listRepoInvitations(c, t)),
    cancelInvitation: (t) => through(provider, repoOf(t), (c) => cancelInvitation(c, t)),
    updateInvitationPermission: (t) =>
      through(provider, repoOf(t), (c) => updateInvitationPermission(c, t)),
    collaboratorAccess: (t) => through(provider, repoOf(t), (c) => getCollaboratorAccess(c, t)),
    removeCollaborator: (t) => through(provider, repoOf(t), (c) => removeCollaborator(c, t)),
    addTeamMember: (t) => through(provider, { org: t.org }, (c) => addTeamMember(c, t)),
    teamMembership: (t) => through(provider, { org: t.org }, (c) => getTeamMembership(c, t)),
    removeTeamMember: (t) => through(provider, { org: t.org }, (c) => removeTeamMember(c, t)),
    isOrgMember: (t) => through(provider, { org: t.org }, (c) => isOrgMember(c, t)),
    removeOrgMember: (t) => through(provider, { org: t.org }, (c) => removeOrgMember(c, t)),
    listDirectCollaborators: (t) =>
      through(provider, repoOf(t), (c) => listDirectCollaborators(c, t)),
    listTeamMembers: (t) => through(provider, { org: t.org }, (c) => listTeamMembers(c, t)),
    listOrgInvitations: (t) => through(provider, { org: t.org }, (c) => listOrgInvitations(c, t)),
  };
}

// One provider per process: write pacing is per credential and installation tokens are cached,
// so every pass must share it.
const holder = globalThis as unknown as {
  __repograntGithub?: FulfillmentGithub;
  __repograntGithubProvider?: GithubClientProvider;
};

/**
 * The process's one GitHub provider, for the engine and for the dashboard's checks alike. Fails
 * with a message naming the variable to set when no credentials are configured.
 */
export function configuredGithubProvider(config: Config): GithubClientProvider {
  // On PostgreSQL several instances may share the credential: writes take their turn in the
  // database. PGlite has one process (its data-dir lock), whose in-process queue suffices.
  holder.__repograntGithubProvider ??= githubProviderFromConfig(
    config.github,
    config.databaseUrl ? { writeTurns: postgresWriteTurns(getDb) } : {},
  );
  return holder.__repograntGithubProvider;
}

/** Fails with a message naming the variable to set when no credentials are configured. */
export function githubForFulfillment(config: Config): FulfillmentGithub {
  holder.__repograntGithub ??= fulfillmentGithub(configuredGithubProvider(config));
  return holder.__repograntGithub;
}
