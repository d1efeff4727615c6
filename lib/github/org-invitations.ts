import "server-only";
import { classifyGithubError } from "./classify-error";
import type { GithubClient } from "./client";
import { INVITATION_LIFETIME_MS } from "./invite-collaborator";
import { requestIdOf, type GithubCall, type GithubResult } from "./result";

export type OrgInvitation = {
  id: number;
  createdAt: Date;
  /** Organization invitations expire 7 days after they were sent, like repository ones. */
  expiresAt: Date;
  /** Where the invitee accepts. */
  htmlUrl: string;
};

/**
 * The pending invitation of `username` to `org` (GET /orgs/{org}/invitations, every page), or
 * null. Needs an org owner (or an App with Members read); GitHub Enterprise Server has no such
 * list, and answers 404.
 */
export async function findOrgInvitation(
  client: GithubClient,
  { org, username }: { org: string; username: string },
): Promise<GithubResult<OrgInvitation | null>> {
  const calls: GithubCall[] = [];
  const login = username.toLowerCase();
  const pages = client.octokit.paginate.iterator(client.octokit.rest.orgs.listPendingInvitations, {
    org,
    per_page: 100,
  });
  let page = 1;
  try {
    for await (const response of pages) {
      calls.push({
        method: "GET",
        path: `/orgs/${org}/invitations?per_page=100&page=${page++}`,
        status: response.status,
        requestId: requestIdOf(response),
      });
      const found = response.data.find((i) => i.login?.toLowerCase() === login);
      if (found) {
        const createdAt = new Date(found.created_at);
        return {
          ok: true,
          value: {
            id: found.id,
            createdAt,
            expiresAt: new Date(createdAt.getTime() + INVITATION_LIFETIME_MS),
            htmlUrl: `https://github.com/orgs/${org}/invitation`,
          },
          calls,
        };
      }
    }
  } catch (thrown) {
    const error = classifyGithubError(thrown, {
      now: client.now(),
      forbidden: "token_lacks_members_permission",
      words: { org },
    });
    calls.push({
      method: "GET",
      path: `/orgs/${org}/invitations?per_page=100&page=${page}`,
      status: error.status,
      requestId: error.requestId,
    });
    return { ok: false, error, calls };
  }
  return { ok: true, value: null, calls };
}
