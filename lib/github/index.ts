import "server-only";

export { cancelInvitation } from "./cancel-invitation";
export { classifyGithubError } from "./classify-error";
export {
  createGithubClient,
  type GithubClient,
  type GithubClientOptions,
  type GithubOctokit,
} from "./client";
export {
  GithubConfigError,
  githubClientFromConfig,
  type GithubSettings,
} from "./client-from-config";
export {
  GITHUB_ERROR_CODES,
  githubError,
  type GithubError,
  type GithubErrorCode,
  type GithubErrorKind,
} from "./error-codes";
export { getCollaboratorAccess, type CollaboratorAccess } from "./get-collaborator-access";
export { getRepository, type RepositoryInfo } from "./get-repository";
export {
  INVITATION_LIFETIME_MS,
  inviteCollaborator,
  type InviteInput,
  type InviteOutcome,
} from "./invite-collaborator";
export { findOpenInvitation, listRepoInvitations, type RepoInvitation } from "./list-invitations";
export {
  REPO_PERMISSIONS,
  toInvitationPermission,
  type InvitationPermission,
  type RepoPermission,
} from "./permissions";
export { removeCollaborator } from "./remove-collaborator";
export type { GithubCall, GithubResult } from "./result";
export { updateInvitationPermission } from "./update-invitation-permission";
export { getTokenOwner, getUserLogin, type GithubAccount } from "./users";
