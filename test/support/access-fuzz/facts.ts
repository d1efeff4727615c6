import { sql } from "drizzle-orm";
import { rowsOf } from "../../../lib/db/rows";
import type { AccessWorld } from "./world";

/**
 * What a settled history actually exercised, by name, so a long run can show that the
 * interesting situations (a crash after GitHub's answer, a refund of accepted access, a
 * replayed webhook) really happen, not only that nothing broke.
 */
export async function historyFacts(world: AccessWorld): Promise<string[]> {
  const facts = new Set<string>();
  for (const crashed of world.crashedWrites) facts.add(`crash after ${crashed.operation}`);
  const kinds = rowsOf<{ kind: string; detail: { outcome?: string; via?: string } }>(
    await world.db.execute(sql`select kind, detail from grant_events`),
  );
  for (const { kind, detail } of kinds) {
    if (kind === "revoked") facts.add(`revoked: ${detail.outcome ?? detail.via ?? "?"}`);
    if (["expired", "declined", "quota_wait", "accepted", "retry_scheduled"].includes(kind)) {
      facts.add(kind === "accepted" ? `accepted via ${detail.via ?? "?"}` : kind);
    }
  }
  for (const s of world.played) {
    if (s.do === "webhook" || s.do === "pass" || s.do === "crash")
      facts.add(`${s.do} ${Object.values(s)[1]}`);
    else facts.add(s.do);
  }
  return [...facts];
}
