import { describe, expect, it } from "vitest";
import {
  emulatorClient,
  makeCollaborator as makeCollaboratorOn,
} from "@/test/support/emulator-client";
import { useGithubEmulator } from "@/test/support/github-emulator";
import { getCollaboratorAccess } from "./get-collaborator-access";
import { removeCollaborator } from "./remove-collaborator";
import { getUserLogin } from "./users";

const github = useGithubEmulator();
const toolkit = { owner: "acme", repo: "toolkit" };

const client = (token?: string) => emulatorClient(github(), token);

const makeCollaborator = (username: string, permission: "pull" | "maintain") =>
  makeCollaboratorOn(github(), { ...toolkit, username, permission });

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
