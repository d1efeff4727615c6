import { describe, expect, it } from "vitest";
import {
  emulatorClient,
  makeCollaborator as makeCollaboratorOn,
} from "@/test/support/emulator-client";
import { useGithubEmulator } from "@/test/support/github-emulator";
import { getCollaboratorAccess } from "./get-collaborator-access";
import { inviteCollaborator } from "./invite-collaborator";

const github = useGithubEmulator();
const toolkit = { owner: "acme", repo: "toolkit" };

const client = (token?: string) => emulatorClient(github(), token);

const makeCollaborator = (username: string, permission: "pull" | "maintain") =>
  makeCollaboratorOn(github(), { ...toolkit, username, permission });

describe("getCollaboratorAccess", () => {
  it("says a pending invitee is not a collaborator yet", async () => {
    await inviteCollaborator(client(), { ...toolkit, username: "octocat", permission: "pull" });
    const result = await getCollaboratorAccess(client(), { ...toolkit, username: "octocat" });
    expect(result).toMatchObject({ ok: true, value: { isCollaborator: false } });
  });

  it("reports the role name and the legacy permission, which folds maintain into write", async () => {
    await makeCollaborator("octocat", "maintain");
    const result = await getCollaboratorAccess(client(), { ...toolkit, username: "octocat" });
    expect(result).toMatchObject({
      ok: true,
      value: { isCollaborator: true, permission: "write", roleName: "maintain" },
    });
    expect(result.calls.map((c) => c.status)).toEqual([204, 200]);
  });

  it("does not read a missing repository as 'no access'", async () => {
    const result = await getCollaboratorAccess(client(), {
      owner: "acme",
      repo: "gone",
      username: "octocat",
    });
    expect(result).toMatchObject({ ok: false, error: { code: "repo_not_found" } });
  });
});
