import "server-only";
import type { GithubClient } from "./client";
import { INVITATION_LIFETIME_MS } from "./invite-collaborator";
import { fromInvitationPermission } from "./permissions";
import { readPages } from "./read-pages";
import type { GithubResult } from "./result";

export type RepoInvitation = {
  id: number;
  inviteeLogin: string | null;
  inviteeId: number | null;
  /** In the PUT vocabulary (pull/push/…), like an entitlement's permission. */
  permission: string;
  createdAt: Date;
  expiresAt: Date;
  /** GitHub keeps expired invitations listed until someone deletes them. */
  expired: boolean;
  htmlUrl: string;
};

type Target = { owner: string; repo: string };

/** GET /repos/{owner}/{repo}/invitations, every page (100 a page), expired ones included. */
export async function listRepoInvitations(
  client: GithubClient,
  { owner, repo }: Target,
): Promise<GithubResult<RepoInvitation[]>> {
  const invitations: RepoInvitation[] = [];
  const pages = client.octokit.paginate.iterator(client.octokit.rest.repos.listInvitations, {
    owner,
    repo,
    per_page: 100,
  });
  const read = await readPages(
    client,
    `/repos/${owner}/${repo}/invitations`,
    pages,
    (items) => {
      for (const item of items) {
        const createdAt = new Date(item.created_at);
        const expiresAt = new Date(createdAt.getTime() + INVITATION_LIFETIME_MS);
        invitations.push({
          id: item.id,
          inviteeLogin: item.invitee?.login ?? null,
          inviteeId: item.invitee?.id ?? null,
          permission: fromInvitationPermission(item.permissions),
          createdAt,
          expiresAt,
          expired: item.expired ?? expiresAt.getTime() <= client.now(),
          htmlUrl: item.html_url,
        });
      }
    },
    { notFound: "repo_not_found" },
  );
  if (!read.ok) return read;
  return { ok: true, value: invitations, calls: read.calls };
}

/**
 * The open (unexpired) invitation for `username`, compared case-insensitively as GitHub does,
 * or null. Used before inviting again when an earlier attempt may have reached GitHub.
 */
export async function findOpenInvitation(
  client: GithubClient,
  { owner, repo, username }: Target & { username: string },
): Promise<GithubResult<RepoInvitation | null>> {
  const listed = await listRepoInvitations(client, { owner, repo });
  if (!listed.ok) return listed;
  const login = username.toLowerCase();
  const open = listed.value
    .filter((i) => !i.expired && i.inviteeLogin?.toLowerCase() === login)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return { ok: true, value: open[0] ?? null, calls: listed.calls };
}
