import { describe, expect, it } from "vitest";
import { responseSchema, schemaErrors } from "./openapi-validator";
import { callApi, useGithubEmulator } from "@/test/support/github-emulator";

// Emulator bodies checked against GitHub's own OpenAPI description.

const github = useGithubEmulator();
const api = (method: string, path: string, options?: Parameters<typeof callApi>[3]) =>
  callApi(github(), method, path, options);

function expectValid(template: string, method: string, status: number, body: unknown) {
  expect(
    schemaErrors(template, method, status, body),
    `${method.toUpperCase()} ${template}`,
  ).toEqual([]);
}

describe("success bodies match GitHub's OpenAPI schemas", () => {
  it("the validator itself rejects what GitHub's schema rejects, and accepts nullable fields", async () => {
    const { body } = await api("GET", "/repos/acme/toolkit");
    const validate = responseSchema("/repos/{owner}/{repo}", "get", 200);
    expect(validate({ ...(body as object), mirror_url: null, homepage: null })).toBe(true);
    const { owner: _owner, ...withoutOwner } = body as Record<string, unknown>;
    expect(validate(withoutOwner)).toBe(false);
    expect(validate({ ...(body as object), private: "yes" })).toBe(false);
  });

  it("for every emulated operation", async () => {
    const put = await api("PUT", "/repos/acme/toolkit/collaborators/octocat", {
      body: { permission: "pull" },
    });
    expect(put.status).toBe(201);
    expectValid("/repos/{owner}/{repo}/collaborators/{username}", "put", 201, put.body);
    expect(put.body).not.toHaveProperty("expired");
    const id = (put.body as { id: number }).id;

    const checks: Array<[string, string, string, string | null]> = [
      ["/user", "/user", "sandbox-admin-token", null],
      ["/user/{account_id}", "/user/583231", "sandbox-admin-token", null],
      ["/users/{username}", "/users/octocat", "sandbox-admin-token", null],
      ["/users/{username}", "/users/acme", "sandbox-admin-token", null],
      ["/repos/{owner}/{repo}", "/repos/acme/toolkit", "sandbox-admin-token", null],
      ["/repos/{owner}/{repo}", "/repos/acme-admin/dotfiles", "sandbox-admin-token", null],
      [
        "/repos/{owner}/{repo}/collaborators",
        "/repos/acme/toolkit/collaborators",
        "sandbox-admin-token",
        null,
      ],
      [
        "/repos/{owner}/{repo}/collaborators/{username}/permission",
        "/repos/acme/toolkit/collaborators/octocat/permission",
        "sandbox-admin-token",
        null,
      ],
      [
        "/repos/{owner}/{repo}/invitations",
        "/repos/acme/toolkit/invitations",
        "sandbox-admin-token",
        null,
      ],
      [
        "/user/repository_invitations",
        "/user/repository_invitations",
        "sandbox-token-octocat",
        null,
      ],
    ];
    for (const [template, path, token] of checks) {
      const { status, body } = await api("GET", path, { token });
      expect(status, path).toBe(200);
      expectValid(template, "get", 200, body);
    }
    const listed = await api("GET", "/repos/acme/toolkit/invitations");
    expect(listed.body).toEqual([expect.objectContaining({ id, expired: false })]);

    const patched = await api("PATCH", `/repos/acme/toolkit/invitations/${id}`, {
      body: { permissions: "write" },
    });
    expectValid("/repos/{owner}/{repo}/invitations/{invitation_id}", "patch", 200, patched.body);

    const accepted = await api("PATCH", `/user/repository_invitations/${id}`, {
      token: "sandbox-token-octocat",
    });
    expect(accepted.status).toBe(204);
    const permission = await api("GET", "/repos/acme/toolkit/collaborators/octocat/permission");
    expectValid(
      "/repos/{owner}/{repo}/collaborators/{username}/permission",
      "get",
      200,
      permission.body,
    );
    expect(permission.body).toMatchObject({ permission: "write", role_name: "write" });
    const collaborators = await api("GET", "/repos/acme/toolkit/collaborators");
    expectValid("/repos/{owner}/{repo}/collaborators", "get", 200, collaborators.body);
    expect(collaborators.body).toEqual([
      expect.objectContaining({ login: "acme-admin", role_name: "admin" }),
      expect.objectContaining({ login: "acme-member", role_name: "read" }),
      expect.objectContaining({
        login: "octocat",
        role_name: "write",
        permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
      }),
    ]);
  });
});
