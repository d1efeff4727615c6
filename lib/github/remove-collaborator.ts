import "server-only";
import type { GithubClient } from "./client";
import { blameRepoOrUser } from "./get-repository";
import { attempt, type GithubCall, type GithubResult } from "./result";

/**
 * DELETE /repos/{owner}/{repo}/collaborators/{username}: 204 whether or not they were one. It
 * does not cancel a pending invitation *to* the user; cancel that with cancelInvitation. A
 * renamed user is `user_not_found`: resolve the login by id (getUserLogin) and call again.
 */
export async function removeCollaborator(
  client: GithubClient,
  input: { owner: string; repo: string; username: string },
): Promise<GithubResult<{ status: "removed" }>> {
  const { owner, repo, username } = input;
  const calls: GithubCall[] = [];
  const sent = await attempt(
    client,
    calls,
    `DELETE /repos/${owner}/${repo}/collaborators/${username}`,
    () => client.octokit.rest.repos.removeCollaborator({ owner, repo, username }),
    { notFound: "user_not_found" },
  );
  if (!sent.ok) {
    return { ok: false, error: await blameRepoOrUser(client, calls, input, sent.error), calls };
  }
  return { ok: true, value: { status: "removed" }, calls };
}
