import "server-only";
import { setTimeout as sleep } from "node:timers/promises";

// GitHub asks for content-creating requests to go one at a time, at least a second apart, per
// credential; too many close together trip the secondary rate limit. The throttling plugin's own
// spacing (3 s for collaborator PUTs, process-wide, not adjustable per test) is switched off in
// client.ts in favour of this queue.

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

type Queue = { tail: Promise<void>; lastFinishedAt: number };

// Shared by every client of one credential in this process.
const queues = new Map<string, Queue>();

/**
 * Wraps `fetch` so that writes for `credentialKey` run one at a time, each starting at least
 * `intervalMs` after the previous one finished. Reads pass straight through; 0 disables pacing.
 */
export function pacedFetch(
  fetchImpl: typeof fetch,
  credentialKey: string,
  intervalMs: number,
): typeof fetch {
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
    const response = own.tail.then(async () => {
      // A monotonic clock, re-checked after each sleep: timers may fire a fraction of a
      // millisecond early, and the wall clock may jump; the gap must never be shorter.
      const waitLeft = () => own.lastFinishedAt + intervalMs - performance.now();
      while (waitLeft() > 0) await sleep(Math.ceil(waitLeft()));
      try {
        return await fetchImpl(input, init);
      } finally {
        own.lastFinishedAt = performance.now();
      }
    });
    own.tail = response.then(
      () => undefined,
      () => undefined,
    );
    return response;
  };
}
