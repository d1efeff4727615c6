import { describe, expect, it } from "vitest";
import {
  EMULATOR_START,
  startTestEmulator,
  useGithubEmulator,
} from "@/test/support/github-emulator";

const github = useGithubEmulator();
const ADMIN = { authorization: "token sandbox-admin-token" };

function call(method: string, path: string, init: RequestInit = {}) {
  return fetch(`${github().url}${path}`, { method, headers: ADMIN, ...init });
}

describe("HTTP conventions", () => {
  it("sends a request id and per-token x-ratelimit-* headers on every answer", async () => {
    await call("GET", "/users/octocat");
    const second = await call("GET", "/users/octocat");
    expect(second.headers.get("x-github-request-id")).toMatch(
      /^[0-9A-F]{4}:[0-9A-F]{4}:[0-9A-F]{6}:[0-9A-F]{8}:[0-9A-F]{8}$/,
    );
    expect(second.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(
      Object.fromEntries([...second.headers].filter(([name]) => name.startsWith("x-ratelimit"))),
    ).toMatchObject({
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": "4998",
      "x-ratelimit-used": "2",
      "x-ratelimit-resource": "core",
    });
    const other = await call("GET", "/users/octocat", {
      headers: { authorization: "token sandbox-token-hubot" },
    });
    expect(other.headers.get("x-ratelimit-remaining")).toBe("4999");
    const anonymous = await call("GET", "/users/octocat", { headers: {} });
    expect(anonymous.headers.get("x-ratelimit-limit")).toBe("60");
  });

  it("accepts octokit's empty form-encoded PUT (push by default) and answers 201 with Location", async () => {
    const response = await call("PUT", "/repos/acme/toolkit/collaborators/octocat", {
      headers: {
        ...ADMIN,
        "content-type": "application/x-www-form-urlencoded",
        "content-length": "0",
      },
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: number; permissions: string };
    expect(body.permissions).toBe("write");
    expect(response.headers.get("location")).toBe(
      `${github().url}/user/repository_invitations/${body.id}`,
    );
  });

  it("answers 204 with neither body nor content-type", async () => {
    const response = await call("DELETE", "/repos/acme/toolkit/collaborators/octocat");
    expect(response.status).toBe(204);
    expect(response.headers.get("content-type")).toBeNull();
    expect(await response.text()).toBe("");
  });

  it("pages lists with GitHub's Link header", async () => {
    github().controls.setPendingInvitationPut("new");
    for (let i = 0; i < 5; i++) await call("PUT", "/repos/acme/toolkit/collaborators/octocat");
    const first = await call("GET", "/repos/acme/toolkit/invitations?per_page=2");
    const base = `${github().url}/repos/acme/toolkit/invitations`;
    expect(first.headers.get("link")).toBe(
      `<${base}?per_page=2&page=2>; rel="next", <${base}?per_page=2&page=3>; rel="last"`,
    );
    const last = await call("GET", "/repos/acme/toolkit/invitations?per_page=2&page=3");
    expect(await last.json()).toHaveLength(1);
    expect(last.headers.get("link")).toBe(
      `<${base}?per_page=2&page=2>; rel="prev", <${base}?per_page=2&page=1>; rel="first"`,
    );
  });

  it("answers organization membership checks for members only (memberships are private)", async () => {
    expect((await call("GET", "/orgs/acme/members/acme-member")).status).toBe(204);
    expect((await call("GET", "/orgs/acme/members/octocat")).status).toBe(404);
    const outsider = { headers: { authorization: "token sandbox-token-octocat" } };
    expect((await call("GET", "/orgs/acme/members/acme-member", outsider)).status).toBe(404);
  });

  it("answers unknown routes with GitHub's generic 404", async () => {
    const response = await call("GET", "/nope");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      message: "Not Found",
      documentation_url: "https://docs.github.com/rest",
      status: "404",
    });
  });

  it("logs each API request by route template, and can be reset", async () => {
    await call("PUT", "/repos/acme/toolkit/collaborators/octocat");
    await call("PUT", "/repos/acme/toolkit/collaborators/no-one");
    const { requestLog } = github();
    expect(requestLog.count("PUT /repos/{owner}/{repo}/collaborators/{username}")).toBe(2);
    expect(requestLog.count("PUT /repos/{owner}/{repo}/collaborators/{username}", 404)).toBe(1);
    expect(requestLog.entries[0]).toMatchObject({
      path: "/repos/acme/toolkit/collaborators/octocat",
      login: "acme-admin",
      status: 201,
    });
    requestLog.reset();
    expect(requestLog.entries).toEqual([]);
  });

  it("logs when each request arrived and when it was answered, so overlapping writes show", async () => {
    const route = "PUT /repos/{owner}/{repo}/collaborators/{username}";
    const hold = github().controls.holdNextResponse(route);
    const answered = call("PUT", "/repos/acme/toolkit/collaborators/octocat");
    await hold.held;
    github().controls.advanceClock(1500);
    hold.release();
    await answered;
    expect(github().requestLog.entries[0]).toMatchObject({
      receivedAt: EMULATOR_START,
      at: EMULATOR_START + 1500,
    });
  });
});

describe("GHES mode", () => {
  it("serves under /api/v3 and adds collaborators directly (204), as GHES has no invitations", async () => {
    const ghes = await startTestEmulator({ mode: "ghes" });
    try {
      expect(ghes.url).toMatch(/\/api\/v3$/);
      const put = await fetch(`${ghes.url}/repos/acme/toolkit/collaborators/octocat`, {
        method: "PUT",
        headers: ADMIN,
        body: '{"permission":"pull"}',
      });
      expect(put.status).toBe(204);
      const check = await fetch(`${ghes.url}/repos/acme/toolkit/collaborators/octocat`, {
        headers: ADMIN,
      });
      expect(check.status).toBe(204);
    } finally {
      await ghes.close();
    }
  });
});

describe("the HTTP control API under /_emulator", () => {
  const control = (name: string, body?: unknown) =>
    fetch(`${github().url}/_emulator/${name}`, {
      method: "POST",
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("injects failures, accepts invitations, moves the clock and shows the log", async () => {
    expect((await control("fail-next", { count: 1, status: 503 })).status).toBe(200);
    expect((await call("GET", "/users/octocat")).status).toBe(503);
    expect((await call("GET", "/users/octocat")).status).toBe(200);

    const put = await call("PUT", "/repos/acme/toolkit/collaborators/octocat");
    const { id } = (await put.json()) as { id: number };
    expect((await control("accept-invitation", { id })).status).toBe(200);
    expect((await call("GET", "/repos/acme/toolkit/collaborators/octocat")).status).toBe(204);

    const before = github().controls.now();
    await control("advance-clock", { ms: 60_000 });
    expect(github().controls.now() - before).toBeGreaterThanOrEqual(60_000);

    const log = (await (await fetch(`${github().url}/_emulator/requests`)).json()) as unknown[];
    expect(log).toHaveLength(4);
    await fetch(`${github().url}/_emulator/requests`, { method: "DELETE" });
    expect(github().requestLog.entries).toHaveLength(0);
  });

  it("explains a bad control request", async () => {
    const bad = await control("latency", { ms: "slow" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain("ms");
    expect((await control("no-such-control", {})).status).toBe(404);
    const missing = await control("accept-invitation", { id: 42 });
    expect(await missing.json()).toEqual({ error: "No invitation 42" });
  });
});
