import "server-only";
import type { GithubClient } from "./client";
import { toInvitationPermission, type RepoPermission } from "./permissions";
import { attempt, type GithubCall, type GithubResult } from "./result";

/**
 * PATCH /repos/{owner}/{repo}/invitations/{id}. GitHub wants the key `permissions` (plural) in
 * the read/write vocabulary; this takes the PUT vocabulary (pull/push/…) and translates.
 */
export async function updateInvitationPermission(
  client: GithubClient,
  input: { owner: string; repo: string; invitationId: number; permission: RepoPermission },
): Promise<GithubResult<{ invitationId: number; permission: RepoPermission }>> {
  const { owner, repo, invitationId, permission } = input;
  const calls: GithubCall[] = [];
  const sent = await attempt(
    client,
    calls,
    `PATCH /repos/${owner}/${repo}/invitations/${invitationId}`,
    () =>
      client.octokit.rest.repos.updateInvitation({
        owner,
        repo,
        invitation_id: invitationId,
        permissions: toInvitationPermission(permission),
      }),
    { notFound: "invitation_not_found" },
  );
  if (!sent.ok) return { ok: false, error: sent.error, calls };
  return { ok: true, value: { invitationId: sent.response.data.id, permission }, calls };
}
