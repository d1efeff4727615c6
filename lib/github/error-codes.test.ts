import { describe, expect, it } from "vitest";
import { classifyGithubError, tagGithubError } from "./classify-error";
import { GITHUB_ERROR_CODES, describeCode, githubError, type GithubErrorCode } from "./error-codes";

const NOW = Date.parse("2030-01-01T00:00:00Z");

/** The shape @octokit/request throws for an HTTP error. */
function httpError(status: number, data: unknown, headers: Record<string, string> = {}) {
  return {
    status,
    message: "ignored",
    response: { status, data, headers: { "x-github-request-id": "AB:CD", ...headers } },
  };
}

const validation = (message: string) =>
  httpError(422, {
    message: "Validation Failed",
    errors: [{ resource: "Repository", code: "custom", message }],
  });

describe("the GitHub error table", () => {
  it("gives every code a kind, the words a merchant reads and a fix", () => {
    for (const info of Object.values(GITHUB_ERROR_CODES)) {
      expect(["retry", "action_required", "permanent", "note"]).toContain(info.kind);
      expect(info.message.length).toBeGreaterThan(10);
      expect(info.fix.length).toBeGreaterThan(10);
      for (const [placeholder] of `${info.message} ${info.fix}`.matchAll(/\{\w+\}/g)) {
        expect(["{owner}", "{org}", "{team}", "{role}", "{plan}"]).toContain(placeholder);
      }
    }
  });

  it("names what the merchant must act on, or says it in general words", () => {
    const named = githubError("app_not_installed", {}, { owner: "acme" });
    expect(named.fix).toMatch(/^Install the GitHub App on acme \(/);
    expect(named.message).not.toContain("{");
    expect(githubError("app_not_installed").message).toContain("on the repository's owner");
    expect(describeCode("custom_role_unverified", { org: "acme", role: "toolkit-reader" })).toEqual(
      {
        message: expect.stringMatching(
          /^toolkit-reader is not a base permission.*acme's/,
        ) as unknown,
        fix: expect.stringContaining("named exactly toolkit-reader") as unknown,
      },
    );
  });

  const cases: Array<[string, unknown, GithubErrorCode]> = [
    ["401 Bad credentials", httpError(401, { message: "Bad credentials" }), "bad_credentials"],
    [
      "403 Resource not accessible by personal access token",
      httpError(403, { message: "Resource not accessible by personal access token" }),
      "token_lacks_administration",
    ],
    [
      "403 Resource not accessible by integration",
      httpError(403, { message: "Resource not accessible by integration" }),
      "token_lacks_administration",
    ],
    [
      "422 Repository owner cannot be a collaborator",
      validation("Repository owner cannot be a collaborator"),
      "owner_cannot_be_collaborator",
    ],
    [
      "422 on a user-owned repository's permission",
      validation(
        "You can only update permissions on organization-owned repositories and their forks",
      ),
      "permission_not_allowed_on_user_repo",
    ],
    [
      "422 Cannot assign … (org base role)",
      validation("Cannot assign octocat permission of read"),
      "permission_below_base_role",
    ],
    [
      "another 422",
      httpError(422, { message: "Validation Failed", errors: [{ code: "invalid" }] }),
      "validation_failed",
    ],
    [
      "422 Role `x` is not available (unknown custom role)",
      httpError(422, {
        message: "Role `toolkit-writer` is not available for the acme/toolkit repository.",
      }),
      "custom_role_not_found",
    ],
    [
      "401 A JSON web token could not be decoded",
      httpError(401, { message: "A JSON web token could not be decoded" }),
      "app_credentials_rejected",
    ],
    [
      "401 'Expiration time' claim",
      httpError(401, {
        message: "'Expiration time' claim ('exp') is too far in the future",
      }),
      "app_credentials_rejected",
    ],
    [
      "403 This installation has been suspended",
      httpError(403, { message: "This installation has been suspended" }),
      "app_installation_suspended",
    ],
  ];

  it.each(cases)("classifies %s", (_, error, code) => {
    const classified = classifyGithubError(error, { now: NOW });
    expect(classified).toMatchObject({
      code,
      kind: GITHUB_ERROR_CODES[code].kind,
      message: describeCode(code).message,
      requestId: "AB:CD",
    });
    expect(classified.retryAt).toBeUndefined();
  });

  it("reads a 404 as whatever the call says it means", () => {
    const error = httpError(404, { message: "Not Found" });
    expect(classifyGithubError(error, { now: NOW, notFound: "repo_not_found" })).toMatchObject({
      code: "repo_not_found",
      kind: "action_required",
      status: 404,
    });
    expect(classifyGithubError(error, { now: NOW, notFound: "user_not_found" }).code).toBe(
      "user_not_found",
    );
    expect(classifyGithubError(error, { now: NOW }).code).toBe("unknown");
  });

  it("reads a 403 as whatever the call says it means, except a suspended installation", () => {
    const context = { now: NOW, forbidden: "token_lacks_members_permission" } as const;
    const denied = httpError(403, { message: "Resource not accessible by integration" });
    expect(classifyGithubError(denied, context).code).toBe("token_lacks_members_permission");
    const suspended = httpError(403, { message: "This installation has been suspended" });
    expect(classifyGithubError(suspended, context).code).toBe("app_installation_suspended");
  });

  it("trusts the code an error was tagged with, with its words", () => {
    const error = tagGithubError(httpError(404, { message: "Not Found" }), "app_not_installed", {
      owner: "acme",
    });
    expect(classifyGithubError(error, { now: NOW, notFound: "repo_not_found" })).toMatchObject({
      code: "app_not_installed",
      kind: "action_required",
      status: 404,
      fix: expect.stringContaining("Install the GitHub App on acme") as unknown,
    });
  });

  it("defers the daily invitation limit by 24 hours instead of reading it as already invited", () => {
    const error = validation(
      "You can only send 50 invitations to a repository per 24 hour period.",
    );
    expect(classifyGithubError(error, { now: NOW })).toMatchObject({
      code: "invite_daily_limit",
      kind: "retry",
      retryAt: new Date(NOW + 24 * 3600_000),
      status: 422,
    });
  });

  it("retries a primary rate limit when the budget resets", () => {
    const reset = NOW / 1000 + 1234;
    for (const status of [403, 429]) {
      const error = httpError(
        status,
        { message: "API rate limit exceeded for user ID 1." },
        { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) },
      );
      expect(classifyGithubError(error, { now: NOW })).toMatchObject({
        code: "rate_limited",
        kind: "retry",
        retryAt: new Date(reset * 1000),
      });
    }
  });

  it("retries a secondary rate limit after retry-after, else after a minute", () => {
    const message = "You have exceeded a secondary rate limit. Please wait a few minutes.";
    const withHeader = httpError(403, { message }, { "retry-after": "30" });
    expect(classifyGithubError(withHeader, { now: NOW })).toMatchObject({
      code: "secondary_rate_limited",
      kind: "retry",
      retryAt: new Date(NOW + 30_000),
    });
    const bare429 = httpError(429, { message });
    expect(classifyGithubError(bare429, { now: NOW }).retryAt).toEqual(new Date(NOW + 60_000));
  });

  it("retries server errors and network failures", () => {
    expect(
      classifyGithubError(httpError(502, { message: "Server Error" }), { now: NOW }),
    ).toMatchObject({
      code: "github_unavailable",
      kind: "retry",
      status: 502,
    });
    const network = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { status: 500 });
    const classified = classifyGithubError(network, { now: NOW });
    expect(classified).toMatchObject({ code: "github_unavailable", kind: "retry" });
    expect(classified.status).toBeUndefined();
    expect(classified.githubMessage).toContain("ECONNREFUSED");
  });

  it("calls anything else unknown, keeping its message for the log", () => {
    const classified = classifyGithubError(new TypeError("boom"), { now: NOW });
    expect(classified).toMatchObject({ code: "unknown", kind: "permanent", githubMessage: "boom" });
  });
});
