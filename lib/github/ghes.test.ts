import { describe, expect, it } from "vitest";
import { useGithubEmulator } from "@/sandbox/github/testing";
import { createGithubClient } from "./client";
import { githubClientFromConfig } from "./client-from-config";
import { getCollaboratorAccess } from "./get-collaborator-access";
import { inviteCollaborator } from "./invite-collaborator";
import { findOpenInvitation } from "./list-invitations";

// GitHub Enterprise Server: GITHUB_API_URL=https://HOST/api/v3, and no invitations: adding a
// collaborator makes them one at once (204).
const github = useGithubEmulator({ mode: "ghes" });
const toolkit = { owner: "acme", repo: "toolkit" };

describe("GitHub Enterprise Server", () => {
  it("reads the 204 of adding a collaborator as already_has_access, and the access is active", async () => {
    const configured = githubClientFromConfig({
      GITHUB_TOKEN: "sandbox-admin-token",
      GITHUB_API_URL: github().url,
      GITHUB_WRITE_INTERVAL_MS: 0,
    });
    expect(github().url).toMatch(/\/api\/v3$/);
    const result = await inviteCollaborator(configured, {
      ...toolkit,
      username: "octocat",
      permission: "triage",
    });
    expect(result).toMatchObject({ ok: true, value: { status: "already_has_access" } });
    expect(result.calls).toEqual([expect.objectContaining({ method: "PUT", status: 204 })]);
    expect(
      await getCollaboratorAccess(configured, { ...toolkit, username: "octocat" }),
    ).toMatchObject({
      ok: true,
      value: { isCollaborator: true, roleName: "triage" },
    });
    expect(await findOpenInvitation(configured, { ...toolkit, username: "octocat" })).toMatchObject(
      {
        ok: true,
        value: null,
      },
    );
  });

  it("grants a custom role directly too", async () => {
    const client = createGithubClient({
      token: "sandbox-admin-token",
      baseUrl: github().url,
      writeIntervalMs: 0,
    });
    const result = await inviteCollaborator(client, {
      ...toolkit,
      username: "hubot",
      permission: "toolkit-reader",
    });
    expect(result).toMatchObject({ ok: true, value: { status: "already_has_access" } });
    expect(await getCollaboratorAccess(client, { ...toolkit, username: "hubot" })).toMatchObject({
      ok: true,
      value: { roleName: "toolkit-reader", permission: "read" },
    });
  });
});
