import { and, isNotNull } from "drizzle-orm";
import { grants } from "../../db/schema";
import type { Database } from "../../db/types";
import type { GithubError } from "../../github";
import { sameTarget, type AccessTarget, type Grant } from "../../grants";

/** Someone GitHub lists on a repository or team: holding access, or invited. */
export type ListedAccount = { id: number | null; login: string };

/** The grants that reached GitHub for one repository or team. */
export function grantsOn(db: Database, target: AccessTarget): Promise<Grant[]> {
  return db
    .select()
    .from(grants)
    .where(and(sameTarget(target), isNotNull(grants.githubLogin)))
    .orderBy(grants.id);
}

/** Whether a grant is for this GitHub account: by id when the grant knows it, else by login. */
export function isFor(grant: Grant, account: ListedAccount): boolean {
  if (grant.githubUserId !== null && account.id !== null) return grant.githubUserId === account.id;
  return grant.githubLogin?.toLowerCase() === account.login.toLowerCase();
}

/** A refund or the merchant took this grant back, and the revocation finished. */
const takenBack = (grant: Grant) => grant.status === "revoked" && grant.revokeRequestedAt !== null;

/**
 * The account's grants when every one of them was taken back: access it still holds is left
 * over from us. Empty when it has none (someone the merchant added outside Repogrant — never
 * ours to touch) or when any grant still stands or is being revoked.
 */
export function leftOverGrants(all: Grant[], account: ListedAccount): Grant[] {
  const theirs = all.filter((grant) => isFor(grant, account));
  return theirs.length > 0 && theirs.every(takenBack) ? theirs : [];
}

/**
 * An invitation sent after the account's last revocation is not one of ours: ours all predate
 * it. The merchant invited them again by hand.
 */
export function predatesRevocation(grantsTakenBack: Grant[], createdAt: Date): boolean {
  const last = Math.max(...grantsTakenBack.map((g) => g.revokedAt?.getTime() ?? 0));
  return createdAt.getTime() <= last;
}

/** The grant that carries the audit's events for an account: its latest. */
export const latest = (theirs: Grant[]): Grant => theirs[theirs.length - 1]!;

/** What the dashboard keeps of a GitHub failure. */
export const failure = (error: GithubError) => ({ code: error.code, message: error.message });
