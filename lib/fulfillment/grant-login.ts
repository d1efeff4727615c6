import type { Database } from "../db/types";
import type { GithubError } from "../github";
import { grantTarget, recordGithubCalls, recordLogin, type Grant } from "../grants";
import type { FulfillmentGithub } from "./github-port";

export type LoginResolution =
  { ok: true; grant: Grant } | { ok: false; error: GithubError } | { ok: false; lost: true };

/**
 * The current login of the grant's GitHub account, by its id: an order may name the buyer by
 * id only, and people rename their accounts (GitHub then answers 404 for the old login; the id
 * never changes). Returns the grant with the login to use now.
 */
export async function refreshLogin(
  db: Database,
  github: FulfillmentGithub,
  grant: Grant,
  now: () => Date,
): Promise<LoginResolution> {
  const account = await github.currentLogin(grantTarget(grant), grant.githubUserId!);
  await recordGithubCalls(db, grant.id, "resolve_login", account, now());
  if (!account.ok) return { ok: false, error: account.error };
  if (grant.githubLogin?.toLowerCase() === account.value.login.toLowerCase()) {
    return { ok: true, grant };
  }
  const updated = await recordLogin(db, grant, account.value.login, now());
  return updated ? { ok: true, grant: updated } : { ok: false, lost: true };
}
