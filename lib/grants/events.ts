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

const WRITE_METHODS = new Set(["PUT", "PATCH", "DELETE"]);

/**
 * Completes an event written BEFORE a GitHub write (an invite's quota slot, see invite-quota.ts,
 * or recordGithubWrite's reservation) with GitHub's answer to the write; other requests (an
 * App's installation lookup, a 404 probe of the repository) are recorded as their own events.
 * When the write was never sent, the reservation is removed.
 */
export async function completeWriteEvent(
  db: Database,
  eventId: number,
  grantId: number,
  result: GithubResult<unknown>,
  at: Date,
): Promise<void> {
  const write = result.calls.findLast((call) => WRITE_METHODS.has(call.method));
  const rest = result.calls.filter((call) => call !== write);
  if (write) {
    const { githubStatus, requestId, detail } = eventFor(grantId, "", result, write, at);
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

/**
 * Sends one GitHub write for a grant with its event written first and completed with the
 * answer: a process killed between GitHub's answer and our commit still leaves the write in
 * the grant's trail (without GitHub's status), as every change made on GitHub must.
 */
export async function recordGithubWrite<T>(
  db: Database,
  grantId: number,
  kind: string,
  clock: () => Date,
  send: () => Promise<GithubResult<T>>,
): Promise<GithubResult<T>> {
  const [reserved] = await db
    .insert(grantEvents)
    .values({ grantId, at: clock(), kind, detail: { sending: true } })
    .returning({ id: grantEvents.id });
  const result = await send();
  await completeWriteEvent(db, reserved!.id, grantId, result, clock());
  return result;
}
