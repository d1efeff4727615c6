import { eq } from "drizzle-orm";
import { grantEvents } from "../db/schema";
import type { Database } from "../db/types";
import type { GithubCall, GithubResult } from "../github";

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
