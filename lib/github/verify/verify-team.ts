import "server-only";
import type { GithubClient } from "../client";
import type { AppInstallation } from "../client-provider";
import { githubError } from "../error-codes";
import { getTeam, teamContext } from "../get-team";
import { getOrgSettings } from "../org-membership";
import { attempt, type GithubCall } from "../result";
import { classicScopes, failed, noted, type VerificationCheck } from "./verification";

type TeamTarget = { org: string; teamSlug: string };

/**
 * The team's checks. Adding buyers who are not in the organization yet takes an org owner (a
 * team maintainer may only add members), so "can manage" means:
 * - App: the installation's `members` permission is write. Complete.
 * - Token: its owner is an owner of the organization (GET /user/memberships/orgs/{org}); a
 *   classic token also needs `admin:org` or `write:org`. A fine-grained token's Members: write
 *   cannot be seen without changing a membership: said as unverified.
 */
export async function verifyTeam(
  client: GithubClient,
  installation: AppInstallation | null,
  target: TeamTarget,
  calls: GithubCall[],
): Promise<VerificationCheck[]> {
  const words = { org: target.org, team: target.teamSlug };
  const team = await getTeam(client, target);
  calls.push(...team.calls);
  if (!team.ok) return [failed("team", team.error)];
  return [
    noted("team", "ok", "team_accessible", words),
    await management(client, installation, target, calls),
    await baseRole(client, target, calls),
  ];
}

/**
 * Joining the team makes a buyer a member of the organization, and every member holds the
 * organization's base role on all of its repositories: selling a team in an organization whose
 * base role is not "none" sells read (or more) on every private repository there.
 */
async function baseRole(
  client: GithubClient,
  target: TeamTarget,
  calls: GithubCall[],
): Promise<VerificationCheck> {
  const settings = await getOrgSettings(client, target);
  calls.push(...settings.calls);
  if (!settings.ok) return failed("org_base_role", settings.error);
  const { baseRole } = settings.value;
  const words = { org: target.org, role: baseRole ?? "" };
  if (baseRole === null) return noted("org_base_role", "unverified", "org_base_role_unseen", words);
  if (baseRole === "none") return noted("org_base_role", "ok", "org_base_role_none", words);
  return noted("org_base_role", "warning", "org_base_role_opens_repositories", words);
}

async function management(
  client: GithubClient,
  installation: AppInstallation | null,
  target: TeamTarget,
  calls: GithubCall[],
): Promise<VerificationCheck> {
  const { org } = target;
  const words = { org, team: target.teamSlug };
  const denied = failed(
    "team_management",
    githubError("token_lacks_members_permission", {}, words),
  );
  const allowed = noted("team_management", "ok", "can_manage_team", words);
  if (installation) return installation.permissions.members === "write" ? allowed : denied;

  const own = await attempt(
    client,
    calls,
    `GET /user/memberships/orgs/${org}`,
    () => client.octokit.rest.orgs.getMembershipForAuthenticatedUser({ org }),
    { ...teamContext(target), notFound: "token_lacks_members_permission" },
  );
  if (!own.ok) return failed("team_management", own.error);
  const { data, headers } = own.response;
  if (data.state !== "active" || data.role !== "admin") return denied;
  const scopes = classicScopes(headers);
  if (scopes)
    return scopes.includes("admin:org") || scopes.includes("write:org") ? allowed : denied;
  return noted("team_management", "unverified", "members_write_unverified", words);
}
