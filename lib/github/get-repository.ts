import "server-only";
import type { GithubClient } from "./client";
import type { GithubError } from "./error-codes";
import { attempt, type GithubCall, type GithubResult } from "./result";

export type RepositoryInfo = {
  id: number;
  fullName: string;
  private: boolean;
  /** On user-owned repositories GitHub ignores `permission` and always grants write. */
  ownerType: "Organization" | "User";
  /** Whether the token's owner is an admin there, as inviting requires. */
  canAdminister: boolean;
};

/** GET /repos/{owner}/{repo}: does it exist for this token, and can we manage its collaborators? */
export async function getRepository(
  client: GithubClient,
  { owner, repo }: { owner: string; repo: string },
): Promise<GithubResult<RepositoryInfo>> {
  const calls: GithubCall[] = [];
  const sent = await attempt(
    client,
    calls,
    `GET /repos/${owner}/${repo}`,
    () => client.octokit.rest.repos.get({ owner, repo }),
    { notFound: "repo_not_found" },
  );
  if (!sent.ok) return { ok: false, error: sent.error, calls };
  const data = sent.response.data;
  return {
    ok: true,
    value: {
      id: data.id,
      fullName: data.full_name,
      private: data.private,
      ownerType: data.owner.type === "Organization" ? "Organization" : "User",
      canAdminister: data.permissions?.admin === true,
    },
    calls,
  };
}

/**
 * GitHub answers the same bare 404 whether the repository or the user is missing. When the
 * call was classified `user_not_found`, ask for the repository: if the token cannot see it,
 * the repository is what is missing. The probe is recorded in `calls`.
 */
export async function blameRepoOrUser(
  client: GithubClient,
  calls: GithubCall[],
  target: { owner: string; repo: string },
  error: GithubError,
): Promise<GithubError> {
  if (error.code !== "user_not_found") return error;
  const probe = await getRepository(client, target);
  calls.push(...probe.calls);
  return probe.ok ? error : probe.error;
}
