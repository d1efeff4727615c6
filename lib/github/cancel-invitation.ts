import "server-only";
import type { GithubClient } from "./client";
import { attempt, type GithubCall, type GithubResult } from "./result";

/**
 * DELETE /repos/{owner}/{repo}/invitations/{id}. A 404 means the invitation is already gone
 * (accepted, declined or deleted), which is what the caller wanted.
 */
export async function cancelInvitation(
  client: GithubClient,
  { owner, repo, invitationId }: { owner: string; repo: string; invitationId: number },
): Promise<GithubResult<{ status: "cancelled" | "already_gone" }>> {
  const calls: GithubCall[] = [];
  const sent = await attempt(
    client,
    calls,
    `DELETE /repos/${owner}/${repo}/invitations/${invitationId}`,
    () => client.octokit.rest.repos.deleteInvitation({ owner, repo, invitation_id: invitationId }),
    { notFound: "invitation_not_found" },
  );
  if (sent.ok) return { ok: true, value: { status: "cancelled" }, calls };
  if (sent.error.code === "invitation_not_found") {
    return { ok: true, value: { status: "already_gone" }, calls };
  }
  return { ok: false, error: sent.error, calls };
}
