import "server-only";
import type { GithubClient } from "./client";
import { blameRepoOrUser } from "./get-repository";
import type { RepoPermission } from "./permissions";
import { attempt, requestIdOf, type GithubCall, type GithubResult } from "./result";

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export type InviteOutcome =
  | {
      status: "invited";
      invitationId: number;
      /** Where the buyer accepts: https://github.com/{owner}/{repo}/invitations */
      htmlUrl: string;
      /** GitHub expires invitations 7 days after they were created. */
      expiresAt: Date;
      requestId?: string;
    }
  /** 204: already a collaborator (role updated on org repos) or an org member added directly. */
  | { status: "already_has_access"; requestId?: string };

export type InviteInput = {
  owner: string;
  repo: string;
  username: string;
  /** A base role or an org custom role name. Always sent: GitHub's default is push (write). */
  permission: RepoPermission | (string & {});
};

/**
 * PUT /repos/{owner}/{repo}/collaborators/{username}. A 201 may also return an invitation that
 * was already open (GitHub re-sends it), so callers can safely repeat this after a crash.
 */
export async function inviteCollaborator(
  client: GithubClient,
  input: InviteInput,
): Promise<GithubResult<InviteOutcome>> {
  const { owner, repo, username, permission } = input;
  const calls: GithubCall[] = [];
  const sent = await attempt(
    client,
    calls,
    `PUT /repos/${owner}/${repo}/collaborators/${username}`,
    () => client.octokit.rest.repos.addCollaborator({ owner, repo, username, permission }),
    { notFound: "user_not_found" },
  );
  if (!sent.ok) {
    return { ok: false, error: await blameRepoOrUser(client, calls, input, sent.error), calls };
  }
  const { response } = sent;
  const requestId = requestIdOf(response);
  // Octokit's types know only the 201; GitHub also answers 204 without a body.
  const status: number = response.status;
  if (status === 204) {
    return { ok: true, value: { status: "already_has_access", requestId }, calls };
  }
  const invitation = response.data;
  return {
    ok: true,
    value: {
      status: "invited",
      invitationId: invitation.id,
      htmlUrl: invitation.html_url,
      expiresAt: new Date(Date.parse(invitation.created_at) + INVITATION_LIFETIME_MS),
      requestId,
    },
    calls,
  };
}
