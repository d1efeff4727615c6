import "server-only";
import { setTimeout as sleep } from "node:timers/promises";

// GitHub asks for content-creating requests to go one at a time, at least a second apart, per
// credential; too many close together trip the secondary rate limit. The throttling plugin's own
// spacing (3 s for collaborator PUTs, process-wide, not adjustable per test) is switched off in
// client.ts in favour of this queue.

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * A credential's turn to write, shared by every process that uses the credential (the in-process
 * queue alone cannot see another server instance's writes).
 */
export interface SharedWriteTurns {
  /**
   * Runs `write` once no other holder of `credentialKey` is writing, and at least `intervalMs`
   * after the last write with it ended. Rejects without calling `write` when the turn cannot be
   * taken; once `write` was called, settles as `write` did.
   */
  take<T>(credentialKey: string, intervalMs: number, write: () => Promise<T>): Promise<T>;
}

export type PacedFetch = (
  fetchImpl: typeof fetch,
  credentialKey: string,
  intervalMs: number,
  sharedTurns?: SharedWriteTurns,
) => typeof fetch;

type Queue = { tail: Promise<void>; lastFinishedAt: number };

/**
 * A pacer with its own queues: one per process is what production needs (`pacedFetch`); tests
 * make two to stand for two server instances.
 *
 * The returned function wraps `fetch` so that writes for `credentialKey` run one at a time in
 * this process, each starting at least `intervalMs` after the previous one finished. With
 * `sharedTurns`, each queued write also takes the credential's shared turn, which does the
 * spacing across processes. Reads pass straight through; 0 disables pacing.
 */
export function createWritePacer(): PacedFetch {
  const queues = new Map<string, Queue>();
  return (fetchImpl, credentialKey, intervalMs, sharedTurns) => {
    if (intervalMs <= 0) return fetchImpl;
    return (input, init) => {
      const method = (init?.method ?? "GET").toUpperCase();
      if (!WRITE_METHODS.has(method)) return fetchImpl(input, init);
      let queue = queues.get(credentialKey);
      if (!queue) {
        queue = { tail: Promise.resolve(), lastFinishedAt: -Infinity };
        queues.set(credentialKey, queue);
      }
      const own = queue;
      const send = () => fetchImpl(input, init);
      // The queue still runs one waiter at a time with shared turns: a process then holds at
      // most one database connection per credential for its turns.
      const response = own.tail.then(() =>
        sharedTurns
          ? sharedTurns.take(credentialKey, intervalMs, send)
          : ownTurn(own, intervalMs, send),
      );
      own.tail = response.then(
        () => undefined,
        () => undefined,
      );
      return response;
    };
  };
}

async function ownTurn(queue: Queue, intervalMs: number, send: () => Promise<Response>) {
  // A monotonic clock, re-checked after each sleep: timers may fire a fraction of a millisecond
  // early, and the wall clock may jump; the gap must never be shorter.
  const waitLeft = () => queue.lastFinishedAt + intervalMs - performance.now();
  while (waitLeft() > 0) await sleep(Math.ceil(waitLeft()));
  try {
    return await send();
  } finally {
    queue.lastFinishedAt = performance.now();
  }
}

/** This process's pacer: shared by every client of one credential in the process. */
export const pacedFetch = createWritePacer();
