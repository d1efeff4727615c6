import "server-only";
import type { GithubClient } from "./client";
import { INVITATION_LIFETIME_MS } from "./invite-collaborator";
import { readPages } from "./read-pages";
import type { GithubResult } from "./result";

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
  const login = username.toLowerCase();
  const pages = client.octokit.paginate.iterator(client.octokit.rest.orgs.listPendingInvitations, {
    org,
    per_page: 100,
  });
  let found: OrgInvitation | null = null;
  const read = await readPages(
    client,
    `/orgs/${org}/invitations`,
    pages,
    (items) => {
      const item = items.find((i) => i.login?.toLowerCase() === login);
      if (!item) return false;
      const createdAt = new Date(item.created_at);
      found = {
        id: item.id,
        createdAt,
        expiresAt: new Date(createdAt.getTime() + INVITATION_LIFETIME_MS),
        htmlUrl: `https://github.com/orgs/${org}/invitation`,
      };
      return true;
    },
    { forbidden: "token_lacks_members_permission", words: { org } },
  );
  if (!read.ok) return read;
  return { ok: true, value: found, calls: read.calls };
}
