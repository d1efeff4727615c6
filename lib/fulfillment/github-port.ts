import type {
  CollaboratorAccess,
  GithubAccount,
  GithubResult,
  InstallationTarget,
  InviteInput,
  InviteOutcome,
  RepoInvitation,
  RepoPermission,
  TeamMembershipOutcome,
  TeamRole,
} from "../github";

type Repo = { owner: string; repo: string };
type TeamMember = { org: string; teamSlug: string; username: string };

/**
 * The GitHub operations the engine needs. github-adapter.ts binds them to real clients; the
 * seam lets a test stand between the engine and GitHub (to simulate a crash after GitHub
 * answered), while GitHub itself stays the real Octokit against the emulator.
 */
export interface FulfillmentGithub {
  invite(input: InviteInput): Promise<GithubResult<InviteOutcome>>;
  findOpenInvitation(
    target: Repo & { username: string },
  ): Promise<GithubResult<RepoInvitation | null>>;
  /** `via` says whose credentials ask: a GitHub App asks through the target's installation. */
  currentLogin(via: InstallationTarget, githubUserId: number): Promise<GithubResult<GithubAccount>>;
  accountByLogin(via: InstallationTarget, login: string): Promise<GithubResult<GithubAccount>>;
  listInvitations(target: Repo): Promise<GithubResult<RepoInvitation[]>>;
  cancelInvitation(
    target: Repo & { invitationId: number },
  ): Promise<GithubResult<{ status: "cancelled" | "already_gone" }>>;
  updateInvitationPermission(
    target: Repo & { invitationId: number; permission: RepoPermission },
  ): Promise<GithubResult<unknown>>;
  collaboratorAccess(
    target: Repo & { username: string },
  ): Promise<GithubResult<CollaboratorAccess>>;
  removeCollaborator(target: Repo & { username: string }): Promise<GithubResult<unknown>>;
  addTeamMember(
    target: TeamMember & { role: TeamRole },
  ): Promise<GithubResult<TeamMembershipOutcome>>;
  teamMembership(
    target: TeamMember,
  ): Promise<GithubResult<{ state: "active" | "pending"; role: TeamRole } | null>>;
  removeTeamMember(target: TeamMember): Promise<GithubResult<unknown>>;
  isOrgMember(target: { org: string; username: string }): Promise<GithubResult<boolean>>;
}
