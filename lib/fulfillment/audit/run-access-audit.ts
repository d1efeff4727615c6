import { desc, sql } from "drizzle-orm";
import { accessAudits, type AuditTargetResult } from "../../db/schema";
import { rowsOf } from "../../db/rows";
import type { Database } from "../../db/types";
import type { FulfillmentGithub } from "../github-port";
import { auditRepository } from "./audit-repository";
import { auditTeam } from "./audit-team";

export type AccessAudit = typeof accessAudits.$inferSelect;

type SoldTarget =
  | { kind: "github_repo"; owner: string; repo: string }
  | { kind: "github_team"; org: string; teamSlug: string };

/** Every repository and team a grant of ours ever reached GitHub for. */
async function soldTargets(db: Database): Promise<SoldTarget[]> {
  const rows = rowsOf<{ kind: string; a: string; b: string }>(
    await db.execute(sql`
      select kind, min(coalesce(owner, org)) as a, min(coalesce(repo, team_slug)) as b
      from grants
      where github_login is not null
      group by kind, lower(coalesce(owner, org)), lower(coalesce(repo, team_slug))
      order by 1, 2, 3`),
  );
  return rows.map((row) =>
    row.kind === "github_team"
      ? { kind: "github_team", org: row.a, teamSlug: row.b }
      : { kind: "github_repo", owner: row.a, repo: row.b },
  );
}

/**
 * The access audit: per sold repository and team, removes access whose every grant was taken
 * back, and settles grants whose access GitHub no longer shows. Never touches anyone without a
 * grant of ours there. Its result is kept for the dashboard.
 */
export async function runAccessAudit(
  db: Database,
  github: FulfillmentGithub,
  options: { clock: () => Date; trigger: "schedule" | "merchant" },
): Promise<AccessAudit> {
  const startedAt = options.clock();
  const targets: AuditTargetResult[] = [];
  for (const target of await soldTargets(db)) {
    targets.push(
      target.kind === "github_team"
        ? await auditTeam(db, github, target, options.clock)
        : await auditRepository(db, github, target, options.clock),
    );
  }
  const findings = targets.flatMap((t) => t.findings);
  const [saved] = await db
    .insert(accessAudits)
    .values({
      trigger: options.trigger,
      startedAt,
      finishedAt: options.clock(),
      removed: findings.filter((f) => f.action === "removed").length,
      settled: findings.filter((f) => f.action === "settled").length,
      failedTargets: targets.filter((t) => t.error || t.findings.some((f) => f.action === "failed"))
        .length,
      githubCalls: targets.reduce((sum, t) => sum + t.githubCalls, 0),
      targets,
    })
    .returning();
  return saved!;
}

/** The last audit that finished, for the dashboard; null before the first. */
export async function lastAccessAudit(db: Database): Promise<AccessAudit | null> {
  const [last] = await db
    .select()
    .from(accessAudits)
    .orderBy(desc(accessAudits.finishedAt), desc(accessAudits.id))
    .limit(1);
  return last ?? null;
}

/**
 * The worker's periodic audit: runs when the last one (periodic or the merchant's) finished at
 * least `intervalMs` ago, read from the database so that restarts and other instances do not
 * multiply it. Null when not due.
 */
export async function runAccessAuditIfDue(
  db: Database,
  github: FulfillmentGithub,
  options: { clock: () => Date; intervalMs: number },
): Promise<AccessAudit | null> {
  const last = await lastAccessAudit(db);
  const now = options.clock().getTime();
  if (last && now - last.finishedAt.getTime() < options.intervalMs) return null;
  return runAccessAudit(db, github, { clock: options.clock, trigger: "schedule" });
}
