import { afterEach, describe, expect, it, vi } from "vitest";
import { useGithubEmulator } from "@/test/support/github-emulator";
import { createGithubClient, type GithubClientOptions } from "./client";
import { inviteCollaborator } from "./invite-collaborator";
import { getTokenOwner } from "./users";

// A frozen clock, so retryAt values can be asserted exactly (advanceClock still moves it).
const github = useGithubEmulator({ now: () => Date.parse("2030-01-01T00:00:00Z") });
const PUT = "PUT /repos/{owner}/{repo}/collaborators/{username}";
const invite = { owner: "acme", repo: "toolkit", username: "octocat", permission: "pull" } as const;

function client(options: Partial<GithubClientOptions> = {}) {
  return createGithubClient({
    token: "sandbox-admin-token",
    baseUrl: github().url,
    writeIntervalMs: 0,
    retryDelayBaseMs: 1,
    now: () => github().controls.now(),
    ...options,
  });
}

afterEach(() => vi.restoreAllMocks());

describe("request timeout", () => {
  it("a GitHub that stops answering ends the call as a retryable failure, not a wait past the lease", async () => {
    // A read: the emulator still answers the abandoned requests later, and must change nothing.
    github().controls.setLatency(5_000);
    try {
      const result = await getTokenOwner(client({ requestTimeoutMs: 100 }));
      expect(result).toMatchObject({ ok: false, error: { kind: "retry" } });
    } finally {
      github().controls.setLatency(0);
    }
  });
});

describe("write pacing", () => {
  it("sends one write at a time per credential, the interval apart; reads are not held", async () => {
    const spans: Array<{ method: string; start: number; end: number }> = [];
    // The first write cannot finish until a read has: were reads queued behind writes, this
    // would never complete.
    let readDone = () => {};
    const readFinished = new Promise<void>((resolve) => (readDone = resolve));
    const timedFetch: typeof fetch = async (input, init) => {
      const method = init?.method ?? "GET";
      const span = { method, start: performance.now(), end: 0 };
      spans.push(span);
      if (method === "PUT" && spans.filter((s) => s.method === "PUT").length === 1) {
        await readFinished;
      }
      const response = await fetch(input, init);
      span.end = performance.now();
      if (method === "GET") readDone();
      return response;
    };
    const paced = client({ writeIntervalMs: 30, fetch: timedFetch });
    await Promise.all([
      inviteCollaborator(paced, { ...invite, username: "octocat" }),
      inviteCollaborator(paced, { ...invite, username: "hubot" }),
      inviteCollaborator(paced, { ...invite, username: "acme-member" }),
      getTokenOwner(paced),
    ]);
    const writes = spans.filter((s) => s.method === "PUT");
    expect(writes).toHaveLength(3);
    for (let i = 1; i < writes.length; i++) {
      expect(writes[i]!.start - writes[i - 1]!.end).toBeGreaterThanOrEqual(30);
    }
  });
});

describe("retries", () => {
  it("retries a 5xx with plugin-retry and then succeeds", async () => {
    github().controls.failNextRequests(2, { status: 502, route: PUT });
    const result = await inviteCollaborator(client(), invite);
    expect(result).toMatchObject({ ok: true, value: { status: "invited" } });
    expect(github().requestLog.count(PUT, 502)).toBe(2);
    expect(github().requestLog.count(PUT, 201)).toBe(1);
  });

  it("gives up after the configured retries with a retry result", async () => {
    github().controls.failNextRequests(10, { status: 503 });
    const result = await inviteCollaborator(client({ retries: 2 }), invite);
    expect(result).toMatchObject({
      ok: false,
      error: { code: "github_unavailable", kind: "retry", status: 503 },
    });
    expect(github().requestLog.count(PUT)).toBe(3);
  });

  it("reports an unreachable GitHub as github_unavailable", async () => {
    const unreachable = client({ baseUrl: "http://127.0.0.1:9", retries: 1 });
    const result = await inviteCollaborator(unreachable, invite);
    expect(result).toMatchObject({
      ok: false,
      error: { code: "github_unavailable", kind: "retry" },
    });
  });
});

describe("rate limits never make the caller sleep", () => {
  it("turns an exhausted budget into retry at x-ratelimit-reset, after one request", async () => {
    for (const status of [403, 429] as const) {
      github().requestLog.reset();
      github().controls.exhaustRateLimit({ status, resetInSeconds: 1800 });
      const reset = Math.ceil((github().controls.now() + 1_800_000) / 1000) * 1000;
      const result = await inviteCollaborator(client(), invite);
      expect(result).toMatchObject({
        ok: false,
        error: { code: "rate_limited", kind: "retry", status, retryAt: new Date(reset) },
      });
      expect(github().requestLog.count(PUT)).toBe(1);
    }
  });

  it("turns a secondary limit into retry after retry-after, and a later retry succeeds", async () => {
    github().controls.triggerSecondaryRateLimit({ status: 403, retryAfterSeconds: 90 });
    const now = github().controls.now();
    const limited = await inviteCollaborator(client(), invite);
    expect(limited).toMatchObject({
      ok: false,
      error: {
        code: "secondary_rate_limited",
        kind: "retry",
        status: 403,
        retryAt: new Date(now + 90_000),
      },
    });
    expect(github().requestLog.count(PUT)).toBe(1);

    // What the fulfillment engine does: call again once retryAt has passed.
    github().controls.advanceClock(90_000);
    expect(await inviteCollaborator(client(), invite)).toMatchObject({
      ok: true,
      value: { status: "invited" },
    });
  });

  it("waits a minute on a 429 secondary limit without retry-after", async () => {
    github().controls.triggerSecondaryRateLimit({ status: 429 });
    const now = github().controls.now();
    const limited = await inviteCollaborator(client(), invite);
    expect(limited).toMatchObject({
      ok: false,
      error: { code: "secondary_rate_limited", status: 429, retryAt: new Date(now + 60_000) },
    });
    expect(github().requestLog.count(PUT)).toBe(1);
    github().controls.clearRateLimits();
    expect((await inviteCollaborator(client(), invite)).ok).toBe(true);
  });
});
