import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { grants, orders } from "../db/schema";
import type { Database } from "../db/types";
import type { AccessRow } from "../grants/describe-access";
import { isBasePermission, permissionRank } from "../grants";
import { grantAccessColumns } from "../grants/grant-columns";

export interface BuyerAccount {
  id: string;
  githubUserId: number | null;
}

interface HeldGrant extends AccessRow {
  orderId: string;
}

const same = (a: string | null, b: string | null) =>
  a !== null && b !== null && a.toLowerCase() === b.toLowerCase();

// A bigger base role includes a smaller one; a custom role only covers itself.
function covers(held: AccessRow, wanted: AccessRow): boolean {
  if (held.kind !== wanted.kind) return false;
  if (wanted.kind === "github_team") {
    return (
      same(held.org, wanted.org) &&
      same(held.teamSlug, wanted.teamSlug) &&
      (held.teamRole === "maintainer" || held.teamRole === wanted.teamRole)
    );
  }
  if (!same(held.owner, wanted.owner) || !same(held.repo, wanted.repo)) return false;
  if (isBasePermission(held.permission) && isBasePermission(wanted.permission)) {
    return permissionRank(held.permission) >= permissionRank(wanted.permission);
  }
  return same(held.permission, wanted.permission);
}

/**
 * The paid order that already gives the buyer everything `wanted` lists (granted, or on its way:
 * queued or invited), so that they are not charged twice. Undefined when anything is missing.
 */
export async function findExistingAccess(
  db: Database,
  buyer: BuyerAccount,
  wanted: readonly AccessRow[],
): Promise<{ orderId: string } | undefined> {
  if (wanted.length === 0) return undefined;
  const held: HeldGrant[] = await db
    .select({ orderId: grants.orderId, ...grantAccessColumns })
    .from(grants)
    .innerJoin(orders, eq(orders.id, grants.orderId))
    .where(
      and(
        buyer.githubUserId === null
          ? eq(grants.buyerId, buyer.id)
          : or(eq(grants.buyerId, buyer.id), eq(grants.githubUserId, buyer.githubUserId)),
        inArray(grants.status, ["queued", "invited", "active"]),
        isNull(grants.revokeRequestedAt),
        eq(orders.status, "paid"),
      ),
    );
  let orderId: string | undefined;
  for (const item of wanted) {
    const match = held.find((grant) => covers(grant, item));
    if (!match) return undefined;
    orderId ??= match.orderId;
  }
  return orderId ? { orderId } : undefined;
}
