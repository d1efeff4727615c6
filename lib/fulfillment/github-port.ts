import type {
  CollaboratorAccess,
  GithubAccount,
  GithubResult,
  InviteInput,
  InviteOutcome,
  RepoInvitation,
  RepoPermission,
} from "../github";

type Repo = { owner: string; repo: string };

/**
 * The GitHub operations the engine needs. github-adapter.ts binds them to a real client; the
 * seam lets a test stand between the engine and GitHub (to simulate a crash after GitHub
 * answered), while GitHub itself stays the real Octokit against the emulator.
 */
export interface FulfillmentGithub {
  invite(input: InviteInput): Promise<GithubResult<InviteOutcome>>;
  findOpenInvitation(
    target: Repo & { username: string },
  ): Promise<GithubResult<RepoInvitation | null>>;
  currentLogin(githubUserId: number): Promise<GithubResult<GithubAccount>>;
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
}
