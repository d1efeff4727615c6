import { and, eq } from "drizzle-orm";
import { buyers, grantEvents, grants } from "../db/schema";
import type { Database } from "../db/types";
import type { GithubError } from "../github";
import type { Grant } from "./claim-due-grants";
import type { FulfillmentGithub } from "./github-port";
import { grantTarget } from "./grant-target";
import { recordGithubCalls } from "./record-call";

export type LoginResolution =
  { ok: true; grant: Grant } | { ok: false; error: GithubError } | { ok: false; lost: true };

async function storeLogin(
  db: Database,
  grant: Grant,
  login: string,
  now: Date,
): Promise<Grant | undefined> {
  const [updated] = await db
    .update(grants)
    .set({ githubLogin: login, updatedAt: now })
    .where(and(eq(grants.id, grant.id), eq(grants.lockedUntil, grant.lockedUntil!)))
    .returning();
  if (updated && grant.githubUserId !== null) {
    await db
      .update(buyers)
      .set({ githubLogin: login, updatedAt: now })
      .where(eq(buyers.githubUserId, grant.githubUserId));
  }
  return updated;
}

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
  const previous = grant.githubLogin;
  if (previous?.toLowerCase() === account.value.login.toLowerCase()) return { ok: true, grant };
  const updated = await storeLogin(db, grant, account.value.login, now());
  if (!updated) return { ok: false, lost: true };
  if (previous) {
    await db.insert(grantEvents).values({
      grantId: grant.id,
      at: now(),
      kind: "renamed",
      detail: { from: previous, to: account.value.login },
    });
  }
  return { ok: true, grant: updated };
}
