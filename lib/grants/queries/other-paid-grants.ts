import { and, asc, desc, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { grants, orders } from "../../db/schema";
import type { Database } from "../../db/types";
import { REPO_PERMISSIONS } from "../../github/permissions";
import type { Grant } from "../grant";
import { isBasePermission, permissionRank } from "../permission-rank";
import { sameTarget } from "../same-target";
import { accessTargetOf } from "../target";

export interface KeepingGrant {
  id: number;
  permission: string | null;
  teamRole: string | null;
}

/**
 * The strongest other paid grant that entitles the same account to the same repository or
 * team, or null: while one remains, access is kept, or lowered to what it pays for. Ranked in
 * the database (highest role, a maintainer before a member, then the oldest grant), so a buyer
 * with hundreds of orders for one repository costs one row, not hundreds, per grant processed.
 */
export async function strongestOtherPaidGrant(
  db: Database,
  grant: Grant,
): Promise<KeepingGrant | null> {
  const account = sameAccount(await storedIdentity(db, grant));
  if (!account) return null;
  const [strongest] = await db
    .select({ id: grants.id, permission: grants.permission, teamRole: grants.teamRole })
    .from(grants)
    .innerJoin(orders, eq(orders.id, grants.orderId))
    .where(and(ne(grants.id, grant.id), sameTarget(accessTargetOf(grant)), account, stillPaid))
    .orderBy(desc(rankOf), asc(grants.id))
    .limit(1);
  return strongest ?? null;
}

/** permissionRank in SQL: a base role's place in REPO_PERMISSIONS, a maintainer 1, else -1. */
const rankOf = sql`case ${sql.join(
  [
    // Our own constants, written into the text rather than sent as parameters whose types
    // PostgreSQL would have to infer inside the CASE.
    ...REPO_PERMISSIONS.map(
      (p, i) => sql`when ${grants.permission} = ${sql.raw(`'${p}' then ${i}`)}`,
    ),
    sql`when ${grants.teamRole} = 'maintainer' then 1`,
  ],
  sql` `,
)} else -1 end`;

type Identity = Pick<Grant, "githubUserId" | "githubLogin" | "buyerId">;

/**
 * The grant's account as stored now: a revocation may have just learnt the login of a grant
 * known by id alone (repo-access.ts), after the caller read the grant.
 */
async function storedIdentity(db: Database, grant: Grant): Promise<Identity> {
  const [stored] = await db
    .select({
      githubUserId: grants.githubUserId,
      githubLogin: grants.githubLogin,
      buyerId: grants.buyerId,
    })
    .from(grants)
    .where(eq(grants.id, grant.id));
  return stored ?? grant;
}

/**
 * The same person, however we know them: a grant may know the GitHub id or only the login (an
 * order named the login; a grant that settled as already having access), or only the buyer.
 * Any one in common is enough — keeping access is the safe side of a doubt.
 */
function sameAccount(grant: Identity): SQL | undefined {
  return or(
    grant.githubUserId !== null ? eq(grants.githubUserId, grant.githubUserId) : undefined,
    grant.githubLogin ? sql`lower(${grants.githubLogin}) = lower(${grant.githubLogin})` : undefined,
    grant.buyerId ? eq(grants.buyerId, grant.buyerId) : undefined,
  );
}

const stillPaid = and(
  isNull(grants.revokeRequestedAt),
  inArray(grants.status, ["queued", "invited", "active"]),
  eq(orders.status, "paid"),
)!;

/**
 * Whether revoking this team grant should also take the account out of the team's organization:
 * one of our team grants found them outside it (GitHub answered "pending": our invitation made
 * them a member), and no other paid grant of theirs is for a team of that organization. Someone
 * who was a member before any of our grants is never taken out.
 */
export async function leavesOrganization(db: Database, grant: Grant): Promise<boolean> {
  const account = sameAccount(grant);
  if (grant.kind !== "github_team" || !account) return false;
  const inOrg = and(
    eq(grants.kind, "github_team"),
    sql`lower(${grants.org}) = lower(${grant.org})`,
  );
  const joinedThroughUs = await db
    .select({ id: grants.id })
    .from(grants)
    .where(and(inOrg, account, eq(grants.orgMemberBefore, false)))
    .limit(1);
  if (joinedThroughUs.length === 0) return false;
  const needed = await db
    .select({ id: grants.id })
    .from(grants)
    .innerJoin(orders, eq(orders.id, grants.orderId))
    .where(and(ne(grants.id, grant.id), inOrg, account, stillPaid))
    .limit(1);
  return needed.length === 0;
}

/**
 * What the account is owed on the grant's target across all its paid orders. GitHub keeps one
 * role per collaborator or team member, and a PUT replaces it: a second, smaller purchase must
 * not lower what a bigger one pays for. A custom role is sent as sold: it has no rank.
 */
export async function strongestAccess(db: Database, grant: Grant): Promise<Grant> {
  if (grant.kind === "github_team") {
    if (grant.teamRole === "maintainer") return grant;
    const other = await strongestOtherPaidGrant(db, grant);
    return other?.teamRole === "maintainer" ? { ...grant, teamRole: "maintainer" } : grant;
  }
  if (!isBasePermission(grant.permission)) return grant;
  const best = (await strongestOtherPaidGrant(db, grant))?.permission ?? null;
  return isBasePermission(best) && permissionRank(best) > permissionRank(grant.permission)
    ? { ...grant, permission: best }
    : grant;
}
