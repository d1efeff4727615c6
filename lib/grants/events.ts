import { eq, sql, type SQL } from "drizzle-orm";
import { grantEvents } from "../db/schema";
import { rowsOf } from "../db/rows";
import type { Database } from "../db/types";
import type { GithubCall, GithubResult } from "../github";

export interface GrantEvent {
  kind: string;
  at: Date;
  /** A constant, or SQL over the changed row (`changed.status`) when it differs per grant. */
  detail?: Record<string, unknown> | SQL;
}

/**
 * Runs a statement that writes grants and returns their `id`, and appends `event` for each
 * grant it wrote — in ONE statement, so a grant never changes without its audit row (nor the
 * other way round), whatever crashes. Returns the ids written.
 */
export async function writeWithEvents(
  db: Database,
  statement: { getSQL(): SQL },
  event: GrantEvent,
): Promise<number[]> {
  const detail =
    event.detail === undefined
      ? sql`'{}'::jsonb`
      : "getSQL" in event.detail
        ? event.detail
        : sql`${JSON.stringify(event.detail)}::jsonb`;
  const rows = rowsOf<{ grant_id: number | string }>(
    await db.execute(sql`
      with changed as (${statement.getSQL()})
      insert into grant_events (grant_id, at, kind, detail)
      select changed.id, ${event.at.toISOString()}::timestamptz, ${event.kind}, ${detail}
      from changed
      returning grant_id`),
  );
  return rows.map((row) => Number(row.grant_id));
}

function outcomeDetail(result: GithubResult<unknown>, call: GithubCall): Record<string, unknown> {
  const request = `${call.method} ${call.path}`;
  if (result.ok) return { ok: true, request, value: result.value };
  const { kind, code, message, githubMessage, retryAt } = result.error;
  return {
    ok: false,
    request,
    kind,
    code,
    message,
    githubMessage,
    retryAt: retryAt?.toISOString(),
  };
}

const eventFor = (
  grantId: number,
  kind: string,
  result: GithubResult<unknown>,
  call: GithubCall,
  at: Date,
) => ({
  grantId,
  at,
  kind,
  githubStatus: call.status ?? null,
  requestId: call.requestId ?? null,
  detail: outcomeDetail(result, call),
});

/** Every GitHub request lands in grant_events: its status, GitHub's request id, the outcome. */
export async function recordGithubCalls(
  db: Database,
  grantId: number,
  kind: string,
  result: GithubResult<unknown>,
  at: Date,
): Promise<void> {
  if (result.calls.length === 0) return;
  await db
    .insert(grantEvents)
    .values(result.calls.map((call) => eventFor(grantId, kind, result, call, at)));
}

/**
 * Completes the `invite` event written before the PUT (see invite-quota.ts) with GitHub's
 * answer; other requests (an App's installation lookup, a 404 probe of the repository) are
 * recorded as their own events. When the PUT was never sent, the reserved slot is released.
 */
export async function completeInviteEvent(
  db: Database,
  eventId: number,
  grantId: number,
  result: GithubResult<unknown>,
  at: Date,
): Promise<void> {
  const put = result.calls.find((call) => call.method === "PUT");
  const rest = result.calls.filter((call) => call !== put);
  if (put) {
    const { githubStatus, requestId, detail } = eventFor(grantId, "invite", result, put, at);
    await db
      .update(grantEvents)
      .set({ githubStatus, requestId, detail })
      .where(eq(grantEvents.id, eventId));
  } else {
    await db.delete(grantEvents).where(eq(grantEvents.id, eventId));
  }
  if (rest.length > 0) {
    await db
      .insert(grantEvents)
      .values(rest.map((call) => eventFor(grantId, "github_call", result, call, at)));
  }
}
