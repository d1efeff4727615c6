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

/** A pending invitation to the organization, as GET /orgs/{org}/invitations lists it. */
export type ListedOrgInvitation = OrgInvitation & { login: string | null };

/**
 * GET /orgs/{org}/invitations, every page: who is invited to join. Needs an org owner (or an
 * App with Members read); GitHub Enterprise Server has no such list, and answers 404.
 */
export async function listOrgInvitations(
  client: GithubClient,
  { org }: { org: string },
): Promise<GithubResult<ListedOrgInvitation[]>> {
  const found: ListedOrgInvitation[] = [];
  const pages = client.octokit.paginate.iterator(client.octokit.rest.orgs.listPendingInvitations, {
    org,
    per_page: 100,
  });
  const read = await readPages(
    client,
    `/orgs/${org}/invitations`,
    pages,
    (items) => {
      for (const item of items) {
        const createdAt = new Date(item.created_at);
        found.push({
          id: item.id,
          login: item.login,
          createdAt,
          expiresAt: new Date(createdAt.getTime() + INVITATION_LIFETIME_MS),
          htmlUrl: `https://github.com/orgs/${org}/invitation`,
        });
      }
    },
    { forbidden: "token_lacks_members_permission", words: { org } },
  );
  if (!read.ok) return read;
  return { ok: true, value: found, calls: read.calls };
}

/** The pending invitation of `username` to `org`, or null. */
export async function findOrgInvitation(
  client: GithubClient,
  { org, username }: { org: string; username: string },
): Promise<GithubResult<OrgInvitation | null>> {
  const listed = await listOrgInvitations(client, { org });
  if (!listed.ok) return listed;
  const login = username.toLowerCase();
  const item = listed.value.find((i) => i.login?.toLowerCase() === login);
  const found = item
    ? { id: item.id, createdAt: item.createdAt, expiresAt: item.expiresAt, htmlUrl: item.htmlUrl }
    : null;
  return { ok: true, value: found, calls: listed.calls };
}
