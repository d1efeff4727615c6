import { describe, expect, it } from "vitest";
import { useGithubEmulator } from "@/sandbox/github/testing";
import { createGithubClient } from "./client";
import { getCollaboratorAccess } from "./get-collaborator-access";
import { inviteCollaborator } from "./invite-collaborator";

const github = useGithubEmulator();
const toolkit = { owner: "acme", repo: "toolkit" };
const PUT = "PUT /repos/{owner}/{repo}/collaborators/{username}";

function client() {
  return createGithubClient({
    token: "sandbox-admin-token",
    baseUrl: github().url,
    writeIntervalMs: 0,
  });
}

describe("custom repository roles", () => {
  it("sends a permission that is no base role as the org's custom role, which GitHub grants", async () => {
    const invited = await inviteCollaborator(client(), {
      ...toolkit,
      username: "octocat",
      permission: "toolkit-reader",
    });
    if (!invited.ok || invited.value.status !== "invited")
      throw new Error("expected an invitation");
    github().controls.acceptInvitation(invited.value.invitationId);
    expect(
      await getCollaboratorAccess(client(), { ...toolkit, username: "octocat" }),
    ).toMatchObject({
      ok: true,
      value: { isCollaborator: true, permission: "read", roleName: "toolkit-reader" },
    });
  });

  it("reports an unknown role as custom_role_not_found, after exactly one PUT", async () => {
    const result = await inviteCollaborator(client(), {
      ...toolkit,
      username: "octocat",
      permission: "toolkit-writer",
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "custom_role_not_found",
        kind: "permanent",
        status: 422,
        githubMessage: "Role `toolkit-writer` is not available for the acme/toolkit repository.",
      },
    });
    expect(result.ok || result.error.fix).toMatch(/Create the role in the organisation or choose/);
    expect(github().requestLog.count(PUT)).toBe(1);
  });

  it("updates an existing collaborator from a custom role to a base role", async () => {
    const invited = await inviteCollaborator(client(), {
      ...toolkit,
      username: "hubot",
      permission: "toolkit-reader",
    });
    if (!invited.ok || invited.value.status !== "invited")
      throw new Error("expected an invitation");
    github().controls.acceptInvitation(invited.value.invitationId);
    const changed = await inviteCollaborator(client(), {
      ...toolkit,
      username: "hubot",
      permission: "maintain",
    });
    expect(changed).toMatchObject({ ok: true, value: { status: "already_has_access" } });
    expect(await getCollaboratorAccess(client(), { ...toolkit, username: "hubot" })).toMatchObject({
      ok: true,
      value: { permission: "write", roleName: "maintain" },
    });
  });
});
