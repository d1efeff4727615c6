import "server-only";
import type { GithubClient } from "../client";
import { attempt, type GithubCall } from "../result";
import { failed, noted, type VerificationCheck } from "./verification";

/**
 * A permission that is no base role names an org custom repository role. Only GitHub
 * Enterprise (Cloud and Server) can list them, for org admins or repository admins; anywhere
 * else the name can only be tried by selling, which the check says plainly.
 */
export async function checkCustomRole(
  client: GithubClient,
  org: string,
  role: string,
  calls: GithubCall[],
): Promise<VerificationCheck> {
  const words = { org, role };
  const listed = await attempt(client, calls, `GET /orgs/${org}/custom-repository-roles`, () =>
    client.octokit.request("GET /orgs/{org}/custom-repository-roles", { org }),
  );
  if (!listed.ok) {
    const unavailable = listed.error.status === 404 || listed.error.status === 403;
    if (unavailable) return noted("custom_role", "unverified", "custom_role_unverified", words);
    return failed("custom_role", listed.error);
  }
  const body = listed.response.data as { custom_roles?: Array<{ name?: unknown }> };
  const names = (body.custom_roles ?? []).map((r) => String(r.name).toLowerCase());
  return names.includes(role.toLowerCase())
    ? noted("custom_role", "ok", "custom_role_found", words)
    : noted("custom_role", "problem", "custom_role_not_found", words);
}
