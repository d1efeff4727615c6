import "server-only";
import type { GithubClient } from "./client";
import { teamContext, type TeamTarget } from "./get-team";
import { readPages } from "./read-pages";
import type { GithubResult } from "./result";

/** An account GitHub lists as holding access. */
export type ListedAccount = { id: number; login: string };

const account = (item: { id: number; login: string }): ListedAccount => ({
  id: item.id,
  login: item.login,
});

/**
 * GET /repos/{owner}/{repo}/collaborators?affiliation=direct, every page: the people added to
 * the repository itself — which is what an accepted invitation (ours or the merchant's) makes
 * someone. Access through the organization's base role or a team is not listed.
 */
export async function listDirectCollaborators(
  client: GithubClient,
  { owner, repo }: { owner: string; repo: string },
): Promise<GithubResult<ListedAccount[]>> {
  const found: ListedAccount[] = [];
  const pages = client.octokit.paginate.iterator(client.octokit.rest.repos.listCollaborators, {
    owner,
    repo,
    affiliation: "direct",
    per_page: 100,
  });
  const read = await readPages(
    client,
    `/repos/${owner}/${repo}/collaborators`,
    pages,
    (items) => void found.push(...items.map(account)),
    { notFound: "repo_not_found", words: { owner } },
  );
  if (!read.ok) return read;
  return { ok: true, value: found, calls: read.calls };
}

/** GET /orgs/{org}/teams/{team_slug}/members, every page: active members (pending are not). */
export async function listTeamMembers(
  client: GithubClient,
  target: TeamTarget,
): Promise<GithubResult<ListedAccount[]>> {
  const found: ListedAccount[] = [];
  const pages = client.octokit.paginate.iterator(client.octokit.rest.teams.listMembersInOrg, {
    org: target.org,
    team_slug: target.teamSlug,
    per_page: 100,
  });
  const read = await readPages(
    client,
    `/orgs/${target.org}/teams/${target.teamSlug}/members`,
    pages,
    (items) => void found.push(...items.map(account)),
    teamContext(target),
  );
  if (!read.ok) return read;
  return { ok: true, value: found, calls: read.calls };
}
