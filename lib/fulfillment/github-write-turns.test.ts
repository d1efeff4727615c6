import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres } from "../db/open";
import { createWritePacer, type PacedFetch } from "../github/write-pacer";
import { postgresWriteTurns } from "./github-write-turns";
import { createThrowawayPostgres } from "@/test/support/throwaway-postgres";
import type { DatabaseHandle } from "../db/types";

// Small, so the suite is quick; every assertion on time is a lower bound.
const INTERVAL_MS = 80;
const WORK_MS = 25;
const URL_ = "https://api.github.test/repos/acme/toolkit/collaborators/octocat";

type Span = { instance: string; method: string; start: number; end: number };

/** Stands for GitHub: records when each request started and ended, on one monotonic clock. */
function recordingFetch(instance: string, spans: Span[], gate?: Promise<void>): typeof fetch {
  return async (_input, init) => {
    const span = { instance, method: init?.method ?? "GET", start: performance.now(), end: 0 };
    spans.push(span);
    await (gate ?? sleep(WORK_MS));
    span.end = performance.now();
    return new Response(null, { status: 204 });
  };
}

function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const postgresUrl = process.env.TEST_DATABASE_URL;

// PostgreSQL only: on PGlite one process owns the database and the in-process queue is the pacing.
(postgresUrl ? describe : describe.skip)("write turns shared through PostgreSQL [postgres]", () => {
  let throwaway: Awaited<ReturnType<typeof createThrowawayPostgres>> | undefined;
  // Two server instances: each its own connection pool and its own in-process pacer.
  const handles: DatabaseHandle[] = [];
  const instances: Array<{
    name: string;
    pace: PacedFetch;
    turns: ReturnType<typeof postgresWriteTurns>;
  }> = [];

  beforeAll(async () => {
    throwaway = await createThrowawayPostgres(postgresUrl!);
    for (const name of ["a", "b"]) {
      const handle = await openPostgres(throwaway.url);
      handles.push(handle);
      instances.push({
        name,
        pace: createWritePacer(),
        turns: postgresWriteTurns(() => Promise.resolve(handle.db)),
      });
    }
  });
  afterAll(async () => {
    for (const handle of handles) await handle.close();
    await throwaway?.drop();
  });

  it("spaces two instances' writes with one credential: never overlapping, each an interval after the last", async () => {
    const spans: Span[] = [];
    await Promise.all(
      instances.flatMap(({ name, pace, turns }) => {
        const paced = pace(recordingFetch(name, spans), "credential-1", INTERVAL_MS, turns);
        return [1, 2, 3].map(() => paced(URL_, { method: "PUT" }));
      }),
    );
    expect(spans).toHaveLength(6);
    expect(new Set(spans.map((s) => s.instance))).toEqual(new Set(["a", "b"]));
    const byStart = [...spans].sort((x, y) => x.start - y.start);
    for (let i = 1; i < byStart.length; i++) {
      // The gap is kept on the database's clock and measured here on the process's monotonic
      // one; the millisecond allows for the two clocks' resolution, nothing more.
      expect(byStart[i]!.start - byStart[i - 1]!.end).toBeGreaterThanOrEqual(INTERVAL_MS - 1);
    }
  });

  it("without shared turns, two pacers overlap (what B7 found with two instances)", async () => {
    const spans: Span[] = [];
    const both = gate();
    const sent = instances.map(({ name, pace }) =>
      pace(
        recordingFetch(name, spans, both.opened),
        "credential-2",
        INTERVAL_MS,
      )(URL_, {
        method: "PUT",
      }),
    );
    // Both writes are in flight before either may finish.
    while (spans.length < 2) await sleep(5);
    both.open();
    await Promise.all(sent);
    expect(spans.every((s) => s.end >= Math.max(...spans.map((x) => x.start)))).toBe(true);
  });

  it("lets reads and other credentials' writes through while a write holds the turn", async () => {
    const [a, b] = instances as [(typeof instances)[number], (typeof instances)[number]];
    const spans: Span[] = [];
    const held = gate();
    const holding = a.pace(
      recordingFetch("a", spans, held.opened),
      "credential-3",
      INTERVAL_MS,
      a.turns,
    )(URL_, { method: "PUT" });
    while (spans.length < 1) await sleep(5);
    // Were either paced behind the held write, these would never finish: the gate is still shut.
    await b.pace(
      recordingFetch("b", spans),
      "credential-3",
      INTERVAL_MS,
      b.turns,
    )(URL_, {
      method: "GET",
    });
    await b.pace(
      recordingFetch("b", spans),
      "credential-4",
      INTERVAL_MS,
      b.turns,
    )(URL_, {
      method: "PUT",
    });
    expect(spans.map((s) => [s.instance, s.method, s.end > 0])).toEqual([
      ["a", "PUT", false],
      ["b", "GET", true],
      ["b", "PUT", true],
    ]);
    held.open();
    await holding;
  });

  it("does not send a write when the database cannot give the turn", async () => {
    const unreachable = await openPostgres(throwaway!.url);
    await unreachable.close();
    const spans: Span[] = [];
    const paced = createWritePacer()(
      recordingFetch("c", spans),
      "credential-5",
      INTERVAL_MS,
      postgresWriteTurns(() => Promise.resolve(unreachable.db)),
    );
    await expect(paced(URL_, { method: "PUT" })).rejects.toThrow();
    expect(spans).toEqual([]);
  });
});
