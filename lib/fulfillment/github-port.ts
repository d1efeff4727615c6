import type {
  GithubAccount,
  GithubResult,
  InviteInput,
  InviteOutcome,
  RepoInvitation,
} from "../github";

/**
 * The three GitHub operations the engine needs. github-adapter.ts binds them to a real client;
 * the seam lets a test stand between the engine and GitHub (to simulate a crash after GitHub
 * answered), while GitHub itself stays the real Octokit against the emulator.
 */
export interface FulfillmentGithub {
  invite(input: InviteInput): Promise<GithubResult<InviteOutcome>>;
  findOpenInvitation(target: {
    owner: string;
    repo: string;
    username: string;
  }): Promise<GithubResult<RepoInvitation | null>>;
  currentLogin(githubUserId: number): Promise<GithubResult<GithubAccount>>;
}
