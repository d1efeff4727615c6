// How writes to GitHub were spaced, per credential, read from the emulator's request log:
// each entry says when the request arrived and when it was answered, so two writes of one
// credential overlap when one arrived before the previous one was answered.
import type { RequestLogEntry } from "../../sandbox/github/request-log";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface WritePacing {
  writes: number;
  credentials: number;
  /** Writes that arrived while the same credential's previous write was still unanswered. */
  overlaps: number;
  /** Shortest time from a write's answer to the same credential's next write (negative: overlap). */
  shortestGapMs: number;
  /** Mean time from one write's arrival to the same credential's next one's. */
  meanIntervalMs: number;
}

/** Per credential (the token's login), in arrival order. */
export function writePacing(calls: readonly RequestLogEntry[]): WritePacing {
  const byCredential = new Map<string, RequestLogEntry[]>();
  for (const call of calls.filter((c) => WRITE_METHODS.has(c.method))) {
    const key = call.login ?? "(anonymous)";
    byCredential.set(key, [...(byCredential.get(key) ?? []), call]);
  }
  let writes = 0;
  let overlaps = 0;
  let shortestGapMs = Infinity;
  let spans = 0;
  for (const list of byCredential.values()) {
    list.sort((a, b) => a.receivedAt - b.receivedAt);
    writes += list.length;
    spans += list.at(-1)!.receivedAt - list[0]!.receivedAt;
    for (let i = 1; i < list.length; i++) {
      const gap = list[i]!.receivedAt - list[i - 1]!.at;
      if (gap < 0) overlaps += 1;
      shortestGapMs = Math.min(shortestGapMs, gap);
    }
  }
  const intervals = writes - byCredential.size;
  return {
    writes,
    credentials: byCredential.size,
    overlaps,
    shortestGapMs,
    meanIntervalMs: intervals > 0 ? spans / intervals : NaN,
  };
}
