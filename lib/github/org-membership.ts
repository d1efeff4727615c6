import "server-only";
import type { GithubClient } from "./client";
import { attempt, type GithubCall, type GithubResult } from "./result";

type Member = { org: string; username: string };

const orgWords = (org: string) => ({
  forbidden: "token_lacks_members_permission" as const,
  words: { org },
});

export interface OrgSettings {
  /** `default_repository_permission` (none, read, write, admin): every member's role on all repositories. */
  baseRole: string | null;
  /** The plan's name ("free", "team", "business", "enterprise"); paid plans bill outside collaborators. */
  plan: string | null;
}

/**
 * GET /orgs/{org}: the base role every member holds on every repository of the organization,
 * and its plan. GitHub shows both to owners only; null when these credentials may not see them.
 */
export async function getOrgSettings(
  client: GithubClient,
  { org }: { org: string },
): Promise<GithubResult<OrgSettings>> {
  const calls: GithubCall[] = [];
  const sent = await attempt(
    client,
    calls,
    `GET /orgs/${org}`,
    () => client.octokit.rest.orgs.get({ org }),
    { notFound: "team_not_found", words: { org } },
  );
  if (!sent.ok) return { ok: false, error: sent.error, calls };
  const { default_repository_permission: baseRole, plan } = sent.response.data;
  return { ok: true, value: { baseRole: baseRole ?? null, plan: plan?.name ?? null }, calls };
}

/** GET /orgs/{org}/members/{username}: 204 a member, 404 not (or not visible to us). */
export async function isOrgMember(
  client: GithubClient,
  { org, username }: Member,
): Promise<GithubResult<boolean>> {
  const calls: GithubCall[] = [];
  const sent = await attempt(
    client,
    calls,
    `GET /orgs/${org}/members/${username}`,
    () => client.octokit.rest.orgs.checkMembershipForUser({ org, username }),
    { ...orgWords(org), notFound: "user_not_found" },
  );
  if (sent.ok) return { ok: true, value: true, calls };
  if (sent.error.code === "user_not_found") return { ok: true, value: false, calls };
  return { ok: false, error: sent.error, calls };
}

/**
 * DELETE /orgs/{org}/memberships/{username}: takes a member out of the organization (and its
 * teams), or cancels their invitation to it. A 404 means they are neither, which is what the
 * caller wanted.
 */
export async function removeOrgMember(
  client: GithubClient,
  { org, username }: Member,
): Promise<GithubResult<{ status: "removed" | "already_gone" }>> {
  const calls: GithubCall[] = [];
  const sent = await attempt(
    client,
    calls,
    `DELETE /orgs/${org}/memberships/${username}`,
    () => client.octokit.rest.orgs.removeMembershipForUser({ org, username }),
    { ...orgWords(org), notFound: "user_not_found" },
  );
  if (sent.ok) return { ok: true, value: { status: "removed" }, calls };
  if (sent.error.code === "user_not_found") {
    return { ok: true, value: { status: "already_gone" }, calls };
  }
  return { ok: false, error: sent.error, calls };
}
