import { describe, expect, it } from "vitest";
import { DEFAULT_SEED } from "@/sandbox/github/seed";
import { emulatorClient } from "@/test/support/emulator-client";
import { useGithubEmulator } from "@/test/support/github-emulator";
import { cancelInvitation } from "./cancel-invitation";
import { getCollaboratorAccess } from "./get-collaborator-access";
import { inviteCollaborator } from "./invite-collaborator";
import { findOpenInvitation, listRepoInvitations } from "./list-invitations";
import { updateInvitationPermission } from "./update-invitation-permission";

const BUYERS = Array.from({ length: 130 }, (_, i) => ({
  login: `buyer-${i + 1}`,
  id: 5_000_001 + i,
  name: null,
}));
const github = useGithubEmulator({
  seed: {
    ...DEFAULT_SEED,
    users: [...DEFAULT_SEED.users, ...BUYERS],
    tokens: [...DEFAULT_SEED.tokens, { token: "sandbox-token-buyer-1", login: "buyer-1" }],
  },
});
const toolkit = { owner: "acme", repo: "toolkit" };
const LIST = "GET /repos/{owner}/{repo}/invitations";

const client = (token?: string) => emulatorClient(github(), token);

async function invite(username: string, permission: "pull" | "push" = "pull"): Promise<number> {
  const result = await inviteCollaborator(client(), { ...toolkit, username, permission });
  if (!result.ok || result.value.status !== "invited")
    throw new Error(`could not invite ${username}`);
  return result.value.invitationId;
}

describe("listing invitations", () => {
  it("reads every page: 130 invitations come back from two pages of 100", async () => {
    github().controls.setInviteDailyLimit(1000);
    await Promise.all(BUYERS.map((buyer) => invite(buyer.login)));
    github().requestLog.reset();

    const listed = await listRepoInvitations(client(), toolkit);
    if (!listed.ok) throw new Error(listed.error.message);
    expect(new Set(listed.value.map((i) => i.inviteeLogin))).toEqual(
      new Set(BUYERS.map((b) => b.login)),
    );
    expect(github().requestLog.count(LIST, 200)).toBe(2);
    expect(listed.calls.map((c) => c.path)).toEqual([
      "/repos/acme/toolkit/invitations?per_page=100&page=1",
      "/repos/acme/toolkit/invitations?per_page=100&page=2",
    ]);
  });

  it("finds the open invitation for a login whatever its case", async () => {
    const id = await invite("octocat");
    const found = await findOpenInvitation(client(), { ...toolkit, username: "OctoCat" });
    expect(found).toMatchObject({
      ok: true,
      value: { id, inviteeLogin: "octocat", expired: false },
    });
    const none = await findOpenInvitation(client(), { ...toolkit, username: "hubot" });
    expect(none).toMatchObject({ ok: true, value: null });
  });

  it("reports a repository the token cannot see", async () => {
    const result = await listRepoInvitations(client(), { owner: "acme", repo: "missing" });
    expect(result).toMatchObject({ ok: false, error: { code: "repo_not_found", status: 404 } });
  });
});

describe("managing an invitation", () => {
  it("cancels it, and a second cancel finds it already gone", async () => {
    const invitationId = await invite("octocat");
    expect(await cancelInvitation(client(), { ...toolkit, invitationId })).toMatchObject({
      ok: true,
      value: { status: "cancelled" },
    });
    expect(await cancelInvitation(client(), { ...toolkit, invitationId })).toMatchObject({
      ok: true,
      value: { status: "already_gone" },
    });
  });

  it("changes its permission, sending GitHub's `permissions` key in the read/write vocabulary", async () => {
    const invitationId = await invite("octocat", "pull");
    const updated = await updateInvitationPermission(client(), {
      ...toolkit,
      invitationId,
      permission: "push",
    });
    expect(updated).toMatchObject({ ok: true, value: { invitationId, permission: "push" } });
    const listed = await listRepoInvitations(client(), toolkit);
    expect(listed.ok && listed.value[0]?.permission).toBe("push");

    const missing = await updateInvitationPermission(client(), {
      ...toolkit,
      invitationId: 999_999,
      permission: "push",
    });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: "invitation_not_found", status: 404 },
    });
  });
});

describe("the invitee's answer", () => {
  it("accepting with the invitee's token makes them a collaborator with the invited role", async () => {
    const invitationId = await invite("buyer-1", "pull");
    const buyer = client("sandbox-token-buyer-1").octokit;
    const mine = await buyer.rest.repos.listInvitationsForAuthenticatedUser();
    expect(mine.data.map((i) => i.id)).toEqual([invitationId]);

    const accepted = await buyer.rest.repos.acceptInvitationForAuthenticatedUser({
      invitation_id: invitationId,
    });
    expect(accepted.status).toBe(204);
    expect(
      await getCollaboratorAccess(client(), { ...toolkit, username: "buyer-1" }),
    ).toMatchObject({
      ok: true,
      value: { isCollaborator: true, permission: "read", roleName: "read" },
    });
    const listed = await listRepoInvitations(client(), toolkit);
    expect(listed.ok && listed.value).toEqual([]);
  });

  it("declining removes the invitation without granting access", async () => {
    const invitationId = await invite("buyer-1");
    const buyer = client("sandbox-token-buyer-1").octokit;
    const declined = await buyer.rest.repos.declineInvitationForAuthenticatedUser({
      invitation_id: invitationId,
    });
    expect(declined.status).toBe(204);
    const listed = await listRepoInvitations(client(), toolkit);
    expect(listed.ok && listed.value).toEqual([]);
    expect(
      await getCollaboratorAccess(client(), { ...toolkit, username: "buyer-1" }),
    ).toMatchObject({
      ok: true,
      value: { isCollaborator: false },
    });
  });

  it("after 7 days the invitation is listed as expired and can no longer be accepted", async () => {
    const invitationId = await invite("buyer-1");
    github().controls.advanceClock(7 * 24 * 60 * 60 * 1000);

    const listed = await listRepoInvitations(client(), toolkit);
    expect(listed.ok && listed.value).toEqual([
      expect.objectContaining({ id: invitationId, expired: true }),
    ]);
    expect(await findOpenInvitation(client(), { ...toolkit, username: "buyer-1" })).toMatchObject({
      ok: true,
      value: null,
    });
    const buyer = client("sandbox-token-buyer-1").octokit;
    await expect(
      buyer.rest.repos.acceptInvitationForAuthenticatedUser({ invitation_id: invitationId }),
    ).rejects.toMatchObject({
      status: 404,
    });
  });
});
