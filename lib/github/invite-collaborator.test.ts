import { describe, expect, it } from "vitest";
import { emulatorClient, makeCollaborator } from "@/test/support/emulator-client";
import { useGithubEmulator } from "@/test/support/github-emulator";
import { createGithubClient } from "./client";
import { getCollaboratorAccess } from "./get-collaborator-access";
import { inviteCollaborator } from "./invite-collaborator";
import { listRepoInvitations } from "./list-invitations";

const github = useGithubEmulator();
const PUT = "PUT /repos/{owner}/{repo}/collaborators/{username}";
const GET_REPO = "GET /repos/{owner}/{repo}";
const DAY_MS = 24 * 60 * 60 * 1000;

const client = (token?: string) => emulatorClient(github(), token);

const toolkit = { owner: "acme", repo: "toolkit" };

describe("inviteCollaborator", () => {
  it("invites with the permission asked for and reports the invitation and its expiry", async () => {
    const result = await inviteCollaborator(client(), {
      ...toolkit,
      username: "octocat",
      permission: "pull",
    });

    if (!result.ok || result.value.status !== "invited") throw new Error("expected an invitation");
    const { invitationId, htmlUrl, expiresAt, requestId } = result.value;
    expect(htmlUrl).toBe("https://github.com/acme/toolkit/invitations");
    const [entry] = github().requestLog.entries;
    expect(requestId).toBe(entry?.requestId);
    expect(result.calls).toEqual([
      { method: "PUT", path: "/repos/acme/toolkit/collaborators/octocat", status: 201, requestId },
    ]);
    const listed = await listRepoInvitations(client(), toolkit);
    expect(listed.ok && listed.value).toEqual([
      expect.objectContaining({
        id: invitationId,
        inviteeLogin: "octocat",
        permission: "pull",
        expiresAt,
      }),
    ]);
    const created = listed.ok ? listed.value[0]?.createdAt.getTime() : NaN;
    expect(expiresAt.getTime()).toBe(Number(created) + 7 * DAY_MS);
  });

  it("reports already_has_access (204) for an org member, who is added without invitation", async () => {
    const result = await inviteCollaborator(client(), {
      ...toolkit,
      username: "acme-member",
      permission: "push",
    });
    expect(result).toMatchObject({ ok: true, value: { status: "already_has_access" } });
    expect(result.calls[0]?.status).toBe(204);
  });

  it("reports already_has_access for an existing collaborator", async () => {
    await makeCollaborator(github(), { ...toolkit, username: "hubot", permission: "push" });
    const again = await inviteCollaborator(client(), {
      ...toolkit,
      username: "hubot",
      permission: "maintain",
    });
    expect(again).toMatchObject({ ok: true, value: { status: "already_has_access" } });
  });

  it("tells a missing repository from a missing user by probing the repository once", async () => {
    const typo = await inviteCollaborator(client(), {
      owner: "acme",
      repo: "tolkit",
      username: "octocat",
      permission: "pull",
    });
    expect(typo).toMatchObject({
      ok: false,
      error: { code: "repo_not_found", kind: "action_required", status: 404 },
    });
    expect(typo.calls.map((c) => `${c.method} ${c.status}`)).toEqual(["PUT 404", "GET 404"]);

    github().requestLog.reset();
    const ghost = await inviteCollaborator(client(), {
      ...toolkit,
      username: "no-such-user",
      permission: "pull",
    });
    expect(ghost).toMatchObject({ ok: false, error: { code: "user_not_found", status: 404 } });
    expect(github().requestLog.count(PUT)).toBe(1);
    expect(github().requestLog.count(GET_REPO, 200)).toBe(1);
  });

  it("never retries a 403, 401 or 422: exactly one PUT each", async () => {
    const cases = [
      {
        token: "sandbox-readonly-token",
        repo: toolkit,
        username: "octocat",
        permission: "pull",
        code: "token_lacks_administration",
      },
      {
        token: "not-a-token",
        repo: toolkit,
        username: "octocat",
        permission: "pull",
        code: "bad_credentials",
      },
      {
        token: undefined,
        repo: { owner: "acme-admin", repo: "dotfiles" },
        username: "acme-admin",
        permission: "push",
        code: "owner_cannot_be_collaborator",
      },
      {
        token: undefined,
        repo: { owner: "acme-admin", repo: "dotfiles" },
        username: "octocat",
        permission: "pull",
        code: "permission_not_allowed_on_user_repo",
      },
    ] as const;
    for (const { token, repo, username, permission, code } of cases) {
      github().requestLog.reset();
      const result = await inviteCollaborator(client(token), { ...repo, username, permission });
      expect(result, code).toMatchObject({ ok: false, error: { code } });
      expect(github().requestLog.count(PUT), code).toBe(1);
    }
  });

  it("grants write on a user-owned repository when asked for push", async () => {
    const result = await inviteCollaborator(client(), {
      owner: "acme-admin",
      repo: "dotfiles",
      username: "octocat",
      permission: "push",
    });
    expect(result).toMatchObject({ ok: true, value: { status: "invited" } });
  });

  it("reports a permission below the organization's base role", async () => {
    github().controls.setOrgBaseRole("acme", "write");
    const result = await inviteCollaborator(client(), {
      ...toolkit,
      username: "acme-member",
      permission: "pull",
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "permission_below_base_role", kind: "permanent", status: 422 },
    });
    expect(result.ok || result.error.githubMessage).toContain(
      "Cannot assign acme-member permission of read",
    );
  });

  it("defers the daily invitation limit by 24 hours, then succeeds", async () => {
    const now = github().controls.now();
    const admin = createGithubClient({
      token: "sandbox-admin-token",
      baseUrl: github().url,
      writeIntervalMs: 0,
      now: () => github().controls.now(),
    });
    github().controls.setInviteDailyLimit(1);
    expect(
      (await inviteCollaborator(admin, { ...toolkit, username: "octocat", permission: "pull" })).ok,
    ).toBe(true);

    github().requestLog.reset();
    const limited = await inviteCollaborator(admin, {
      ...toolkit,
      username: "hubot",
      permission: "pull",
    });
    expect(limited).toMatchObject({
      ok: false,
      error: { code: "invite_daily_limit", kind: "retry", status: 422 },
    });
    const retryAt = limited.ok ? 0 : Number(limited.error.retryAt?.getTime());
    expect(retryAt - now).toBeGreaterThanOrEqual(DAY_MS);
    expect(retryAt - now).toBeLessThan(DAY_MS + 5_000);
    expect(github().requestLog.count(PUT)).toBe(1);

    github().controls.advanceClock(DAY_MS);
    const later = await inviteCollaborator(admin, {
      ...toolkit,
      username: "hubot",
      permission: "pull",
    });
    expect(later).toMatchObject({ ok: true, value: { status: "invited" } });
  });

  describe("a second PUT while the invitation is pending", () => {
    it('"same" mode answers with the same invitation and updates its permission', async () => {
      const first = await inviteCollaborator(client(), {
        ...toolkit,
        username: "octocat",
        permission: "pull",
      });
      const second = await inviteCollaborator(client(), {
        ...toolkit,
        username: "octocat",
        permission: "push",
      });
      if (!first.ok || !second.ok) throw new Error("expected both to succeed");
      expect(second.value).toMatchObject({ status: "invited" });
      expect(second.value.status === "invited" && second.value.invitationId).toBe(
        first.value.status === "invited" && first.value.invitationId,
      );
      expect(github().requestLog.count(PUT, 201)).toBe(2);
      const listed = await listRepoInvitations(client(), toolkit);
      expect(listed.ok && listed.value.map((i) => i.permission)).toEqual(["push"]);
    });

    it('"new" mode creates another invitation', async () => {
      github().controls.setPendingInvitationPut("new");
      const first = await inviteCollaborator(client(), {
        ...toolkit,
        username: "octocat",
        permission: "pull",
      });
      const second = await inviteCollaborator(client(), {
        ...toolkit,
        username: "octocat",
        permission: "pull",
      });
      if (!first.ok || !second.ok) throw new Error("expected both to succeed");
      const ids = [first.value, second.value].map((v) => v.status === "invited" && v.invitationId);
      expect(ids[0]).not.toBe(ids[1]);
      expect(github().requestLog.count(PUT, 201)).toBe(2);
      const listed = await listRepoInvitations(client(), toolkit);
      expect(listed.ok && listed.value).toHaveLength(2);
    });
  });
});

describe("custom repository roles", () => {
  it("sends a permission that is no base role as the org's custom role, which GitHub grants", async () => {
    await makeCollaborator(github(), {
      ...toolkit,
      username: "octocat",
      permission: "toolkit-reader",
    });
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
    await makeCollaborator(github(), {
      ...toolkit,
      username: "hubot",
      permission: "toolkit-reader",
    });
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
