import type { Database } from "../db/types";
import type { CollaboratorAccess, GithubError, RepoInvitation } from "../github";
import { learnLogin, recordGithubCalls, type Grant } from "../grants";
import type { FulfillmentGithub } from "./github-port";

/** What GitHub says one account holds on one repository, found by the account's id. */
export interface RepoAccess {
  login: string;
  collaborator: CollaboratorAccess;
  /** Invitations to this account, open or expired, however we came to know of them. */
  invitations: RepoInvitation[];
}

/**
 * Asks GitHub what the grant's account holds on the grant's repository: its current login (by
 * id, when known: people rename), whether it is a collaborator, and the invitations listed for
 * it — listed, not trusted from a stored invitation id, which a crash may never have stored.
 * Returns null when the grant names no GitHub account (it never reached GitHub).
 */
export async function findRepoAccess(
  db: Database,
  github: FulfillmentGithub,
  grant: Grant,
  now: () => Date,
): Promise<{ ok: true; access: RepoAccess | null } | { ok: false; error: GithubError }> {
  const repo = { owner: grant.owner!, repo: grant.repo! };
  let login = grant.githubLogin;
  if (grant.githubUserId !== null) {
    const account = await github.currentLogin(repo, grant.githubUserId);
    await recordGithubCalls(db, grant.id, "resolve_login", account, now());
    if (!account.ok && account.error.code !== "user_not_found") return account;
    if (account.ok) login = account.value.login;
    // Known by id alone until now: other orders that name this login are the same account's.
    if (account.ok && !grant.githubLogin) await learnLogin(db, grant.id, login!, now());
  }
  if (!login) return { ok: true, access: null };

  const listed = await github.listInvitations(repo);
  await recordGithubCalls(db, grant.id, "list_invitations", listed, now());
  if (!listed.ok) return listed;
  const lower = login.toLowerCase();
  const invitations = listed.value.filter((i) =>
    grant.githubUserId !== null && i.inviteeId !== null
      ? i.inviteeId === grant.githubUserId
      : i.inviteeLogin?.toLowerCase() === lower,
  );
  const collaborator = await github.collaboratorAccess({ ...repo, username: login });
  await recordGithubCalls(db, grant.id, "check_collaborator", collaborator, now());
  if (!collaborator.ok) return collaborator;
  return { ok: true, access: { login, collaborator: collaborator.value, invitations } };
}
