import "server-only";
import type { GithubClient } from "./client";
import { blameRepoOrUser } from "./get-repository";
import { attempt, type GithubCall, type GithubResult } from "./result";

export type CollaboratorAccess =
  | { isCollaborator: false }
  | {
      isCollaborator: true;
      /** Legacy level: maintain reads as "write", triage as "read". */
      permission: "admin" | "write" | "read" | "none";
      /** The exact role: read, triage, write, maintain, admin or a custom role. */
      roleName: string;
    };

type Input = { owner: string; repo: string; username: string };

/**
 * Whether `username` has access (GET …/collaborators/{username}: 204 yes, 404 no; a pending
 * invitee is not a collaborator), and if so with which role (…/permission). Org members with
 * access count, as on GitHub.
 */
export async function getCollaboratorAccess(
  client: GithubClient,
  input: Input,
): Promise<GithubResult<CollaboratorAccess>> {
  const { owner, repo, username } = input;
  const calls: GithubCall[] = [];
  const checked = await attempt(
    client,
    calls,
    `GET /repos/${owner}/${repo}/collaborators/${username}`,
    () => client.octokit.rest.repos.checkCollaborator({ owner, repo, username }),
    { notFound: "user_not_found" },
  );
  if (!checked.ok) {
    if (checked.error.code !== "user_not_found") return { ok: false, error: checked.error, calls };
    // 404 also comes for a missing repository, which must not read as "no access".
    const error = await blameRepoOrUser(client, calls, input, checked.error);
    if (error.code !== "user_not_found") return { ok: false, error, calls };
    return { ok: true, value: { isCollaborator: false }, calls };
  }
  const level = await attempt(
    client,
    calls,
    `GET /repos/${owner}/${repo}/collaborators/${username}/permission`,
    () => client.octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username }),
    { notFound: "user_not_found" },
  );
  if (!level.ok) return { ok: false, error: level.error, calls };
  const { permission, role_name } = level.response.data;
  const known = ["admin", "write", "read", "none"] as const;
  return {
    ok: true,
    value: {
      isCollaborator: true,
      permission: known.find((p) => p === permission) ?? "none",
      roleName: role_name,
    },
    calls,
  };
}
