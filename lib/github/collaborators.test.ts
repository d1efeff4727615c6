import { describe, expect, it } from "vitest";
import { emulatorClient } from "@/lib/testing/emulator-client";
import { useGithubEmulator } from "@/sandbox/github/testing";
import { getCollaboratorAccess } from "./get-collaborator-access";
import { getRepository } from "./get-repository";
import { inviteCollaborator } from "./invite-collaborator";
import { removeCollaborator } from "./remove-collaborator";
import { getTokenOwner, getUserLogin } from "./users";

const github = useGithubEmulator();
const toolkit = { owner: "acme", repo: "toolkit" };

const client = (token?: string) => emulatorClient(github(), token);

async function makeCollaborator(username: string, permission: "pull" | "maintain") {
  const invited = await inviteCollaborator(client(), { ...toolkit, username, permission });
  if (!invited.ok || invited.value.status !== "invited") throw new Error("expected an invitation");
  github().controls.acceptInvitation(invited.value.invitationId);
}

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

describe("removeCollaborator", () => {
  it("removes access", async () => {
    await makeCollaborator("hubot", "pull");
    expect(await removeCollaborator(client(), { ...toolkit, username: "hubot" })).toMatchObject({
      ok: true,
      value: { status: "removed" },
    });
    const after = await getCollaboratorAccess(client(), { ...toolkit, username: "hubot" });
    expect(after).toMatchObject({ ok: true, value: { isCollaborator: false } });
  });

  it("finds a renamed user again by id", async () => {
    await makeCollaborator("octocat", "pull");
    github().controls.renameUser("octocat", "octocat-renamed");

    const stale = await removeCollaborator(client(), { ...toolkit, username: "octocat" });
    expect(stale).toMatchObject({ ok: false, error: { code: "user_not_found", status: 404 } });
    const current = await getUserLogin(client(), 583231);
    expect(current).toMatchObject({ ok: true, value: { id: 583231, login: "octocat-renamed" } });
    const removed = await removeCollaborator(client(), { ...toolkit, username: "octocat-renamed" });
    expect(removed.ok).toBe(true);
  });

  it("reports a user id GitHub does not know", async () => {
    const result = await getUserLogin(client(), 999_999_999);
    expect(result).toMatchObject({ ok: false, error: { code: "user_not_found", status: 404 } });
  });
});

describe("getRepository and getTokenOwner", () => {
  it("tells organization repositories from personal ones and whether we administer them", async () => {
    expect(await getRepository(client(), toolkit)).toMatchObject({
      ok: true,
      value: {
        fullName: "acme/toolkit",
        ownerType: "Organization",
        private: true,
        canAdminister: true,
      },
    });
    expect(await getRepository(client(), { owner: "acme-admin", repo: "dotfiles" })).toMatchObject({
      ok: true,
      value: { ownerType: "User", canAdminister: true },
    });
    expect(await getRepository(client("sandbox-token-octocat"), toolkit)).toMatchObject({
      ok: false,
      error: { code: "repo_not_found", status: 404 },
    });
  });

  it("names the token's owner, or reports bad credentials", async () => {
    expect(await getTokenOwner(client())).toMatchObject({
      ok: true,
      value: { login: "acme-admin" },
    });
    expect(await getTokenOwner(client("nope"))).toMatchObject({
      ok: false,
      error: { code: "bad_credentials", kind: "action_required", status: 401 },
    });
  });
});
