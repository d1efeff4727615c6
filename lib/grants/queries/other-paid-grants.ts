import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { grants, orders } from "../../db/schema";
import type { Database } from "../../db/types";
import type { Grant } from "../grant";
import { isBasePermission, permissionRank } from "../permission-rank";
import { sameTarget } from "../same-target";
import { accessTargetOf } from "../target";

/**
 * Other paid grants that entitle the same GitHub account (by user id once known) to the same
 * repository or team: while one remains, access is kept, or lowered to what it pays for.
 */
export async function otherPaidGrants(db: Database, grant: Grant) {
  const sameAccount =
    grant.githubUserId !== null
      ? eq(grants.githubUserId, grant.githubUserId)
      : sql`lower(${grants.githubLogin}) = lower(${grant.githubLogin})`;
  return db
    .select({ id: grants.id, permission: grants.permission, teamRole: grants.teamRole })
    .from(grants)
    .innerJoin(orders, eq(orders.id, grants.orderId))
    .where(
      and(
        ne(grants.id, grant.id),
        sameTarget(accessTargetOf(grant)),
        sameAccount,
        isNull(grants.revokeRequestedAt),
        inArray(grants.status, ["queued", "invited", "active"]),
        eq(orders.status, "paid"),
      ),
    );
}

/**
 * What the account is owed on the grant's target across all its paid orders. GitHub keeps one
 * role per collaborator or team member, and a PUT replaces it: a second, smaller purchase must
 * not lower what a bigger one pays for. A custom role is sent as sold: it has no rank.
 */
export async function strongestAccess(db: Database, grant: Grant): Promise<Grant> {
  const others = await otherPaidGrants(db, grant);
  if (grant.kind === "github_team") {
    const maintainer = others.some((o) => o.teamRole === "maintainer");
    return maintainer ? { ...grant, teamRole: "maintainer" } : grant;
  }
  if (!isBasePermission(grant.permission)) return grant;
  const stronger = others
    .map((o) => o.permission)
    .filter((p) => isBasePermission(p) && permissionRank(p) > permissionRank(grant.permission));
  const best = stronger.sort((a, b) => permissionRank(b) - permissionRank(a))[0];
  return best ? { ...grant, permission: best } : grant;
}
