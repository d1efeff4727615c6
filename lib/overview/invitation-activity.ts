import { sql } from "drizzle-orm";
import { rowsOf } from "../db/rows";
import type { Database } from "../db/types";

const DAY_MS = 86_400_000;

// The same rule as the quota (lib/fulfillment/invite-quota.ts): an `invite` event counts unless
// GitHub answered that it created nothing.
const COUNTED_INVITE = sql`e.kind = 'invite' and (e.github_status is null or e.github_status = 201)`;

export interface InvitationDay {
  /** UTC day, "2026-11-29". */
  day: string;
  /** Invitations sent that day, per "owner/repo". */
  perRepo: Record<string, number>;
}

/** Invitations sent per day per repository over the last `days` days (UTC days, oldest first). */
export async function invitationsPerDay(
  db: Database,
  now: Date,
  days = 14,
): Promise<{ days: InvitationDay[]; repos: string[] }> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const start = new Date(today - (days - 1) * DAY_MS);
  const rows = rowsOf<{ day: string; repo: string; sent: number | string }>(
    await db.execute(sql`
      select to_char(e.at at time zone 'UTC', 'YYYY-MM-DD') as day,
             lower(g.owner) || '/' || lower(g.repo) as repo, count(*) as sent
      from grant_events e join grants g on g.id = e.grant_id
      where ${COUNTED_INVITE} and e.at >= ${start.toISOString()}::timestamptz
        and e.at < ${new Date(today + DAY_MS).toISOString()}::timestamptz
      group by 1, 2`),
  );
  const result: InvitationDay[] = Array.from({ length: days }, (_, i) => ({
    day: new Date(start.getTime() + i * DAY_MS).toISOString().slice(0, 10),
    perRepo: {},
  }));
  const repos = new Set<string>();
  for (const row of rows) {
    const entry = result.find((d) => d.day === row.day);
    if (!entry) continue;
    entry.perRepo[row.repo] = Number(row.sent);
    repos.add(row.repo);
  }
  return { days: result, repos: [...repos].sort() };
}

/** Invitations counted against each repository's rolling 24-hour limit right now. */
export async function invitationsUsedToday(
  db: Database,
  now: Date,
): Promise<{ repo: string; used: number }[]> {
  const rows = rowsOf<{ repo: string; used: number | string }>(
    await db.execute(sql`
      select lower(g.owner) || '/' || lower(g.repo) as repo, count(*) as used
      from grant_events e join grants g on g.id = e.grant_id
      where ${COUNTED_INVITE} and e.at > ${new Date(now.getTime() - DAY_MS).toISOString()}::timestamptz
      group by 1 order by 2 desc, 1`),
  );
  return rows.map((row) => ({ repo: row.repo, used: Number(row.used) }));
}
