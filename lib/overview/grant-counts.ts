import { sql } from "drizzle-orm";
import { grants, GRANT_STATUSES, type GrantStatus } from "../db/schema";
import type { Database } from "../db/types";

/** How many grants are in each status (every status present, zero when none). */
export async function countGrantsByStatus(db: Database): Promise<Record<GrantStatus, number>> {
  const rows = await db
    .select({ status: grants.status, count: sql<number>`count(*)::int` })
    .from(grants)
    .groupBy(grants.status);
  const counts = Object.fromEntries(GRANT_STATUSES.map((s) => [s, 0])) as Record<
    GrantStatus,
    number
  >;
  for (const row of rows) counts[row.status] = row.count;
  return counts;
}
