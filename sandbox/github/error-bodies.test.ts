import { describe, expect, it } from "vitest";
import { schemaErrors } from "./openapi-validator";
import { callApi, useGithubEmulator } from "@/test/support/github-emulator";

// Error bodies compared with the ones recorded from api.github.com (see sandbox/README.md).

const github = useGithubEmulator();
const api = (method: string, path: string, options?: Parameters<typeof callApi>[3]) =>
  callApi(github(), method, path, options);

describe("error bodies are GitHub's", () => {
  const ADD_DOCS =
    "https://docs.github.com/rest/collaborators/collaborators#add-a-repository-collaborator";

  it("404 for a user that does not exist (recorded)", async () => {
    const { status, body } = await api("PUT", "/repos/acme/toolkit/collaborators/no-such-user");
    expect(status).toBe(404);
    expect(body).toEqual({ status: "404", message: "Not Found", documentation_url: ADD_DOCS });
  });

  it("422 when inviting the repository's owner (recorded)", async () => {
    const { status, body } = await api(
      "PUT",
      "/repos/acme-admin/dotfiles/collaborators/acme-admin",
    );
    expect(status).toBe(422);
    expect(body).toEqual({
      status: "422",
      message: "Validation Failed",
      errors: [
        {
          resource: "Repository",
          code: "custom",
          message: "Repository owner cannot be a collaborator",
        },
      ],
      documentation_url:
        "https://docs.github.com/rest/reference/repos#add-a-repository-collaborator",
    });
  });

  it("422 for a permission on a user-owned repository (recorded message and errors)", async () => {
    const { status, body } = await api("PUT", "/repos/acme-admin/dotfiles/collaborators/octocat", {
      body: { permission: "pull" },
    });
    expect(status).toBe(422);
    expect(body).toEqual({
      message: "Validation Failed",
      errors: [
        {
          message:
            "You can only update permissions on organization-owned repositories and their forks",
          code: "custom",
          resource: "Repository",
        },
      ],
      documentation_url: ADD_DOCS,
      status: "422",
    });
    expect(
      schemaErrors("/repos/{owner}/{repo}/collaborators/{username}", "put", 422, body),
    ).toEqual([]);
  });

  it("401 Bad credentials (recorded), 401 Requires authentication, 403 for a token without Administration", async () => {
    expect((await api("GET", "/user", { token: "wrong" })).body).toEqual({
      message: "Bad credentials",
      documentation_url: "https://docs.github.com/rest",
      status: "401",
    });
    expect(await api("GET", "/user", { token: null })).toMatchObject({
      status: 401,
      body: {
        message: "Requires authentication",
        documentation_url: "https://docs.github.com/rest/users/users#get-the-authenticated-user",
        status: "401",
      },
    });
    const forbidden = await api("PUT", "/repos/acme/toolkit/collaborators/octocat", {
      token: "sandbox-readonly-token",
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toEqual({
      message: "Resource not accessible by personal access token",
      documentation_url: ADD_DOCS,
      status: "403",
    });
    expect(forbidden.headers.get("x-accepted-github-permissions")).toBe("administration=write");
  });

  it("rate limits (recorded messages)", async () => {
    github().controls.triggerSecondaryRateLimit({ status: 403, retryAfterSeconds: 30 });
    const secondary = await api("GET", "/users/octocat");
    const requestId = secondary.headers.get("x-github-request-id");
    expect(secondary.status).toBe(403);
    expect(secondary.headers.get("retry-after")).toBe("30");
    expect(secondary.body).toEqual({
      message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
      documentation_url:
        "https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
    });
    github().controls.clearRateLimits();
    github().controls.exhaustRateLimit({ status: 429 });
    const primary = await api("GET", "/users/octocat");
    expect(primary.status).toBe(429);
    expect(primary.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(primary.body).toEqual({
      message: "API rate limit exceeded for user ID 1000001.",
      documentation_url:
        "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting",
      status: "429",
    });
  });

  it("PATCH of an invitation without `permissions` (observed message) and malformed JSON", async () => {
    const put = await api("PUT", "/repos/acme/toolkit/collaborators/octocat");
    const id = (put.body as { id: number }).id;
    const patched = await api("PATCH", `/repos/acme/toolkit/invitations/${id}`, { body: {} });
    expect(patched.status).toBe(422);
    expect(patched.body).toMatchObject({
      message:
        'Invalid request.\n\nNo subschema in "anyOf" matched.\n"permissions" wasn\'t supplied.',
    });
    const response = await fetch(`${github().url}/repos/acme/toolkit/collaborators/hubot`, {
      method: "PUT",
      headers: { authorization: "token sandbox-admin-token" },
      body: "{permission:",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      message: "Problems parsing JSON",
      documentation_url: ADD_DOCS,
      status: "400",
    });
  });
});
