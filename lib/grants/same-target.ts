import { and, eq, sql, type SQL } from "drizzle-orm";
import { grants } from "../db/schema";

/** A repository, or a team of an organization. */
export type AccessTarget = { owner: string; repo: string } | { org: string; teamSlug: string };

/** Grants on the same repository or team. GitHub names are case-insensitive. */
export function sameTarget(target: AccessTarget): SQL {
  if ("org" in target) {
    return and(
      eq(grants.kind, "github_team"),
      sql`lower(${grants.org}) = lower(${target.org})`,
      sql`lower(${grants.teamSlug}) = lower(${target.teamSlug})`,
    )!;
  }
  return and(
    eq(grants.kind, "github_repo"),
    sql`lower(${grants.owner}) = lower(${target.owner})`,
    sql`lower(${grants.repo}) = lower(${target.repo})`,
  )!;
}
