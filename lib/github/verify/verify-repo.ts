import "server-only";
import type { GithubClient } from "../client";
import type { AppInstallation } from "../client-provider";
import { githubError } from "../error-codes";
import { getOrgSettings } from "../org-membership";
import { REPO_PERMISSIONS } from "../permissions";
import { attempt, type GithubCall } from "../result";
import { checkCustomRole } from "./custom-role";
import { classicScopes, failed, noted, type VerificationCheck } from "./verification";

type RepoTarget = { owner: string; repo: string; permission: string };

/**
 * The repository's checks. `installation` is the App's (App auth) or null (token auth), which
 * decides how administration can be checked:
 * - App: the installation's `administration` permission, as GitHub reports it. Complete.
 * - Classic token: `x-oauth-scopes` has `repo` and GitHub says the owner is an admin. Complete.
 * - Fine-grained token: GitHub says the owner is an admin, and listing invitations proves
 *   Administration: read. Write cannot be seen without changing something: said as unverified.
 */
export async function verifyRepo(
  client: GithubClient,
  installation: AppInstallation | null,
  target: RepoTarget,
  calls: GithubCall[],
): Promise<VerificationCheck[]> {
  const { owner, repo, permission } = target;
  const words = { owner };
  const fetched = await attempt(
    client,
    calls,
    `GET /repos/${owner}/${repo}`,
    () => client.octokit.rest.repos.get({ owner, repo }),
    { notFound: "repo_not_found", words },
  );
  if (!fetched.ok) return [failed("repository", fetched.error)];
  const { data, headers } = fetched.response;
  const orgOwned = data.owner.type === "Organization";
  const checks: VerificationCheck[] = [];

  if (orgOwned) checks.push(noted("repository", "ok", "repo_org_owned", words));
  else if (permission === "push") {
    checks.push(noted("repository", "warning", "user_owned_repo_grants_write", words));
  } else {
    checks.push(failed("repository", githubError("permission_not_allowed_on_user_repo")));
  }

  checks.push(await administration(client, installation, target, data, headers, calls));

  const isBase = (REPO_PERMISSIONS as readonly string[]).includes(permission);
  if (orgOwned && !isBase) checks.push(await checkCustomRole(client, owner, permission, calls));
  if (orgOwned && data.private) {
    const seats = await paidSeats(client, owner, calls);
    if (seats) checks.push(seats);
  }
  return checks;
}

/**
 * On a paid organization plan every buyer of a private repository becomes an outside
 * collaborator who takes a paid seat once they accept. GitHub shows the plan to owners only;
 * when it is not visible (or not paid) there is nothing to warn about.
 */
async function paidSeats(
  client: GithubClient,
  org: string,
  calls: GithubCall[],
): Promise<VerificationCheck | null> {
  const settings = await getOrgSettings(client, { org });
  calls.push(...settings.calls);
  const plan = settings.ok ? settings.value.plan : null;
  if (plan === null || plan === "free") return null;
  return noted("seats", "warning", "org_plan_bills_outside_collaborators", { org, plan });
}

async function administration(
  client: GithubClient,
  installation: AppInstallation | null,
  { owner, repo }: RepoTarget,
  data: { private: boolean; permissions?: { admin: boolean } },
  headers: Record<string, unknown>,
  calls: GithubCall[],
): Promise<VerificationCheck> {
  const words = { owner };
  const denied = failed("administration", githubError("token_lacks_administration", {}, words));
  const allowed = noted("administration", "ok", "can_administer_repo", words);
  if (installation) return installation.permissions.administration === "write" ? allowed : denied;

  const isAdmin = data.permissions?.admin === true;
  const scopes = classicScopes(headers);
  if (scopes) {
    const scoped = scopes.includes("repo") || (!data.private && scopes.includes("public_repo"));
    return isAdmin && scoped ? allowed : denied;
  }
  if (!isAdmin) return denied;
  const listed = await attempt(
    client,
    calls,
    `GET /repos/${owner}/${repo}/invitations`,
    () => client.octokit.rest.repos.listInvitations({ owner, repo, per_page: 1 }),
    { notFound: "repo_not_found", words },
  );
  if (!listed.ok) return failed("administration", listed.error);
  return noted("administration", "unverified", "administration_write_unverified", words);
}
