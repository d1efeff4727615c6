import { and, asc, eq, isNull } from "drizzle-orm";
import { grants } from "../db/schema";
import type { Database } from "../db/types";

export interface RenewableGrant {
  id: number;
  kind: "github_repo" | "github_team";
  /** owner/repo, or org/team for a team. */
  target: string;
}

/**
 * The buyer's own invitations that expired unanswered: the ones they may ask to be sent
 * again. Scoped by buyer, so nobody sees or renews another buyer's grant.
 */
export async function listRenewableGrants(
  db: Database,
  buyerId: string,
): Promise<RenewableGrant[]> {
  const rows = await db
    .select({
      id: grants.id,
      kind: grants.kind,
      owner: grants.owner,
      repo: grants.repo,
      org: grants.org,
      teamSlug: grants.teamSlug,
    })
    .from(grants)
    .where(
      and(
        eq(grants.buyerId, buyerId),
        eq(grants.status, "expired"),
        isNull(grants.revokeRequestedAt),
      ),
    )
    .orderBy(asc(grants.id));
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    target: row.kind === "github_team" ? `${row.org}/${row.teamSlug}` : `${row.owner}/${row.repo}`,
  }));
}
