import "server-only";
import type { GithubClient } from "./client";
import type { GithubError } from "./error-codes";
import { attempt, type GithubCall, type GithubResult } from "./result";

export type TeamTarget = { org: string; teamSlug: string };

export type TeamInfo = {
  id: number;
  slug: string;
  name: string;
  /** "secret" teams are visible only to their members and the organization's owners. */
  privacy: "closed" | "secret";
};

/** Words and classification shared by every team call. */
export function teamContext({ org, teamSlug }: TeamTarget) {
  return {
    notFound: "team_not_found",
    forbidden: "token_lacks_members_permission",
    words: { org, team: teamSlug },
  } as const;
}

/** GET /orgs/{org}/teams/{team_slug}: does the team exist for these credentials? */
export async function getTeam(
  client: GithubClient,
  target: TeamTarget,
): Promise<GithubResult<TeamInfo>> {
  const { org, teamSlug } = target;
  const calls: GithubCall[] = [];
  const sent = await attempt(
    client,
    calls,
    `GET /orgs/${org}/teams/${teamSlug}`,
    () => client.octokit.rest.teams.getByName({ org, team_slug: teamSlug }),
    teamContext(target),
  );
  if (!sent.ok) return { ok: false, error: sent.error, calls };
  const { id, slug, name, privacy } = sent.response.data;
  return {
    ok: true,
    value: { id, slug, name, privacy: privacy === "secret" ? "secret" : "closed" },
    calls,
  };
}

/**
 * GitHub answers the same bare 404 for a missing team and a missing user. When the call was
 * classified `user_not_found`, ask for the team: if it is not there, the team is what is missing.
 */
export async function blameTeamOrUser(
  client: GithubClient,
  calls: GithubCall[],
  target: TeamTarget,
  error: GithubError,
): Promise<GithubError> {
  if (error.code !== "user_not_found") return error;
  const probe = await getTeam(client, target);
  calls.push(...probe.calls);
  return probe.ok ? error : probe.error;
}
