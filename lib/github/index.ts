import "server-only";

export { createAppProvider, type AppProviderOptions } from "./app-provider";
export { cancelInvitation } from "./cancel-invitation";
export { classifyGithubError } from "./classify-error";
export {
  createGithubClient,
  type GithubClient,
  type GithubClientOptions,
  type GithubOctokit,
} from "./client";
export {
  githubClientFromConfig,
  githubProviderFromConfig,
  type GithubSettings,
} from "./client-from-config";
export {
  tokenProvider,
  type AppInstallation,
  type GithubClientProvider,
  type InstallationTarget,
} from "./client-provider";
export {
  GITHUB_ERROR_CODES,
  describeCode,
  githubError,
  type GithubError,
  type GithubErrorCode,
  type GithubErrorKind,
  type GithubErrorWords,
  type VerificationNoteCode,
} from "./error-codes";
export { getCollaboratorAccess, type CollaboratorAccess } from "./get-collaborator-access";
export { getRepository, type RepositoryInfo } from "./get-repository";
export { getTeam, type TeamInfo, type TeamTarget } from "./get-team";
export {
  INVITATION_LIFETIME_MS,
  inviteCollaborator,
  type InviteInput,
  type InviteOutcome,
} from "./invite-collaborator";
export { findOpenInvitation, listRepoInvitations, type RepoInvitation } from "./list-invitations";
export { listDirectCollaborators, listTeamMembers, type ListedAccount } from "./list-access";
export { getOrgSettings, isOrgMember, removeOrgMember, type OrgSettings } from "./org-membership";
export {
  findOrgInvitation,
  listOrgInvitations,
  type ListedOrgInvitation,
  type OrgInvitation,
} from "./org-invitations";
export {
  REPO_PERMISSIONS,
  toInvitationPermission,
  type InvitationPermission,
  type RepoPermission,
} from "./permissions";
export { removeCollaborator } from "./remove-collaborator";
export type { GithubCall, GithubResult } from "./result";
export {
  addTeamMember,
  getTeamMembership,
  removeTeamMember,
  type TeamMembershipOutcome,
  type TeamRole,
} from "./team-membership";
export { updateInvitationPermission } from "./update-invitation-permission";
export { getTokenOwner, getUserByLogin, getUserLogin, type GithubAccount } from "./users";
export {
  type CheckName,
  type CheckOutcome,
  type EntitlementTarget,
  type EntitlementVerification,
  type VerificationCheck,
} from "./verify/verification";
export { verifyEntitlementTarget } from "./verify/verify-entitlement";
export type { SharedWriteTurns } from "./write-pacer";
