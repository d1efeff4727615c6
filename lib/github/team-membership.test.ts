import { describe, expect, it } from "vitest";
import { emulatorClient } from "@/test/support/emulator-client";
import { useGithubEmulator } from "@/test/support/github-emulator";
import { createAppProvider } from "./app-provider";
import { getTeam } from "./get-team";
import { addTeamMember, getTeamMembership, removeTeamMember } from "./team-membership";

const github = useGithubEmulator();
const TEAM = { org: "acme", teamSlug: "toolkit-users" } as const;
const DAY = 24 * 60 * 60 * 1000;

const client = (token?: string) => emulatorClient(github(), token);

describe("team memberships", () => {
  it("adds an organization member at once, with the role asked for", async () => {
    const added = await addTeamMember(client(), {
      ...TEAM,
      username: "acme-member",
      role: "maintainer",
    });
    expect(added).toMatchObject({ ok: true, value: { state: "active", role: "maintainer" } });
    expect(await getTeamMembership(client(), { ...TEAM, username: "acme-member" })).toMatchObject({
      ok: true,
      value: { state: "active", role: "maintainer" },
    });
  });

  it("leaves a non-member pending, tracked by the organization invitation, until they accept", async () => {
    const now = github().controls.now();
    const added = await addTeamMember(client(), { ...TEAM, username: "octocat", role: "member" });
    if (!added.ok || added.value.state !== "pending") throw new Error("expected pending");
    const { invitation } = added.value;
    expect(invitation).toMatchObject({ htmlUrl: "https://github.com/orgs/acme/invitation" });
    // The emulator's clock is frozen: the expiry is exactly GitHub's seven days from the invite.
    expect(Number(invitation?.expiresAt.getTime()) - now).toBe(7 * DAY);
    expect(added.calls.map((c) => `${c.method} ${c.status}`)).toEqual(["PUT 200", "GET 200"]);

    const target = { ...TEAM, username: "octocat" };
    expect(await getTeamMembership(client(), target)).toMatchObject({
      value: { state: "pending", role: "member" },
    });
    // A repeated PUT keeps the one invitation.
    await addTeamMember(client(), { ...target, role: "member" });
    expect(github().controls.snapshot().orgInvitations).toHaveLength(1);

    // The invitee accepts with their own token, as on github.com.
    const invitee = client("sandbox-token-octocat");
    await invitee.octokit.rest.orgs.updateMembershipForAuthenticatedUser({
      org: "acme",
      state: "active",
    });
    expect(await getTeamMembership(client(), target)).toMatchObject({
      value: { state: "active", role: "member" },
    });
  });

  it("forgets a pending membership whose invitation expired", async () => {
    await addTeamMember(client(), { ...TEAM, username: "hubot", role: "member" });
    github().controls.advanceClock(7 * DAY);
    expect(await getTeamMembership(client(), { ...TEAM, username: "hubot" })).toMatchObject({
      ok: true,
      value: null,
    });
  });

  it("removes an active or a pending membership, withdrawing the invitation", async () => {
    await addTeamMember(client(), { ...TEAM, username: "acme-member", role: "member" });
    await addTeamMember(client(), { ...TEAM, username: "octocat", role: "member" });
    for (const username of ["acme-member", "octocat"]) {
      const target = { ...TEAM, username };
      expect(await removeTeamMember(client(), target)).toMatchObject({
        ok: true,
        value: { status: "removed" },
      });
      expect(await getTeamMembership(client(), target)).toMatchObject({ ok: true, value: null });
    }
    expect(github().controls.snapshot().orgInvitations).toEqual([]);
    // Removing from a team keeps the organization membership.
    expect(github().controls.snapshot().orgs[0]?.members).toHaveLength(2);
  });

  it("tells a missing team from a missing user", async () => {
    const typo = { org: "acme", teamSlug: "toolkit-user", username: "octocat" };
    for (const result of [
      await addTeamMember(client(), { ...typo, role: "member" }),
      await getTeamMembership(client(), typo),
      await removeTeamMember(client(), typo),
      await getTeam(client(), typo),
    ]) {
      expect(result).toMatchObject({
        ok: false,
        error: { code: "team_not_found", kind: "action_required", status: 404 },
      });
    }
    const ghost = await addTeamMember(client(), {
      ...TEAM,
      username: "no-such-user",
      role: "member",
    });
    expect(ghost).toMatchObject({ ok: false, error: { code: "user_not_found" } });
    expect(await getTeam(client(), TEAM)).toMatchObject({
      ok: true,
      value: { slug: "toolkit-users", name: "Toolkit users", privacy: "closed" },
    });
  });

  it("reports credentials that may not manage the team", async () => {
    // Metadata only: GitHub refuses before looking at the team.
    const readonly = await addTeamMember(client("sandbox-readonly-token"), {
      ...TEAM,
      username: "octocat",
      role: "member",
    });
    expect(readonly).toMatchObject({
      ok: false,
      error: { code: "token_lacks_members_permission", kind: "action_required", status: 403 },
    });
  });

  it("works through the GitHub App's installation on the organization", async () => {
    const { appId, privateKeyPem } = github().controls.appCredentials("repogrant-sandbox");
    const app = createAppProvider({
      appId,
      privateKey: privateKeyPem,
      baseUrl: github().url,
      writeIntervalMs: 0,
      now: () => github().controls.now(),
    });
    const found = await app.clientFor({ org: "acme" });
    if (!found.ok) throw new Error(found.error.code);
    const added = await addTeamMember(found.value, { ...TEAM, username: "hubot", role: "member" });
    expect(added).toMatchObject({ ok: true, value: { state: "pending" } });
    expect(added.ok && added.value.state === "pending" && added.value.invitation).toBeTruthy();
    github().controls.acceptOrgInvitation("acme", "hubot");
    expect(await getTeamMembership(found.value, { ...TEAM, username: "hubot" })).toMatchObject({
      value: { state: "active" },
    });
  });
});
