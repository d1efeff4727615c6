import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SEED, type Seed } from "./seed";
import {
  appJwt,
  callApi,
  useGithubEmulator,
  startTestEmulator,
} from "@/test/support/github-emulator";

const github = useGithubEmulator();
const HOUR = 60 * 60 * 1000;
const MINT_DOCS =
  "https://docs.github.com/rest/reference/apps#create-an-installation-access-token-for-an-app";

function jwt(nowMs = github().controls.now()) {
  const { appId, privateKeyPem } = github().controls.appCredentials("repogrant-sandbox");
  return appJwt(appId, privateKeyPem, nowMs);
}

async function mint(): Promise<string> {
  const minted = await callApi(github(), "POST", "/app/installations/5000001/access_tokens", {
    token: jwt(),
  });
  return (minted.body as { token: string }).token;
}

describe("GitHub App authentication", () => {
  it("answers a JWT it cannot verify, an expired one and a missing one as GitHub does", async () => {
    expect(await callApi(github(), "GET", "/app", { token: "not.a.jwt" })).toMatchObject({
      status: 401,
      body: {
        message: "A JSON web token could not be decoded",
        documentation_url: "https://docs.github.com/rest",
        status: "401",
      },
    });
    const stale = jwt(github().controls.now() - HOUR);
    expect((await callApi(github(), "GET", "/app", { token: stale })).body).toMatchObject({
      message:
        "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
    });
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 1024 });
    const forged = appJwt(
      900001,
      privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      github().controls.now(),
    );
    expect((await callApi(github(), "GET", "/app", { token: forged })).status).toBe(401);
    expect((await callApi(github(), "GET", "/app", { token: null })).status).toBe(401);
    // A JWT is no token for the REST API itself.
    expect(
      (await callApi(github(), "GET", "/repos/acme/toolkit", { token: jwt() })).body,
    ).toMatchObject({
      message: "Bad credentials",
    });
  });

  it("issues hour-long installation tokens that act as the App's bot, and expire", async () => {
    const token = await mint();
    expect((await callApi(github(), "GET", "/repos/acme/toolkit", { token })).status).toBe(200);
    const userOnly = await callApi(github(), "GET", "/user/repository_invitations", { token });
    expect(userOnly).toMatchObject({
      status: 403,
      body: {
        message: "Resource not accessible by integration",
        documentation_url:
          "https://docs.github.com/rest/collaborators/invitations#list-repository-invitations-for-the-authenticated-user",
        status: "403",
      },
    });
    github().controls.advanceClock(HOUR);
    expect((await callApi(github(), "GET", "/repos/acme/toolkit", { token })).body).toMatchObject({
      message: "Bad credentials",
    });
  });

  it("refuses tokens for a suspended installation, with the recorded body", async () => {
    github().controls.suspendInstallation(5_000_001);
    const minted = await callApi(github(), "POST", "/app/installations/5000001/access_tokens", {
      token: jwt(),
    });
    expect(minted).toMatchObject({
      status: 403,
      body: {
        message: "This installation has been suspended",
        documentation_url: MINT_DOCS,
        status: "403",
      },
    });
  });

  it("limits an installation on selected repositories to those", async () => {
    const seed: Seed = {
      ...DEFAULT_SEED,
      repos: [...DEFAULT_SEED.repos, { owner: "acme", name: "secret-sauce", id: 3_000_009 }],
      apps: [
        {
          id: 900_002,
          slug: "selective",
          name: "Selective",
          owner: "acme",
          botId: 4_000_002,
          installations: [
            {
              id: 5_000_002,
              account: "acme",
              permissions: { administration: "write", metadata: "read" },
              repositorySelection: "selected",
              repositories: ["toolkit"],
            },
          ],
        },
      ],
    };
    const emulator = await startTestEmulator({ seed });
    try {
      const { appId, privateKeyPem } = emulator.controls.appCredentials("selective");
      const token = appJwt(appId, privateKeyPem, emulator.controls.now());
      const lookup = (repo: string) =>
        callApi(emulator, "GET", `/repos/acme/${repo}/installation`, { token });
      expect((await lookup("toolkit")).status).toBe(200);
      expect((await lookup("secret-sauce")).status).toBe(404);
      const minted = await callApi(emulator, "POST", "/app/installations/5000002/access_tokens", {
        token,
      });
      const installationToken = (minted.body as { token: string }).token;
      const see = (repo: string) =>
        callApi(emulator, "GET", `/repos/acme/${repo}`, { token: installationToken });
      expect((await see("toolkit")).status).toBe(200);
      expect((await see("secret-sauce")).status).toBe(404);
    } finally {
      await emulator.close();
    }
  });
});

describe("teams and organization invitations", () => {
  it("answers a missing membership with the documented 404 body", async () => {
    const missing = await callApi(
      github(),
      "GET",
      "/orgs/acme/teams/toolkit-users/memberships/octocat",
    );
    expect(missing).toMatchObject({
      status: 404,
      body: {
        message: "Not Found",
        documentation_url:
          "https://docs.github.com/rest/teams/members#get-team-membership-for-a-user",
        status: "404",
      },
    });
  });

  it("lets a team maintainer add members but not invite outsiders; hides teams from outsiders", async () => {
    const seed: Seed = {
      ...DEFAULT_SEED,
      orgs: (DEFAULT_SEED.orgs ?? []).map((org) => ({
        ...org,
        members: [...(org.members ?? []), { login: "hubot", role: "member" as const }],
        teams: [
          {
            slug: "toolkit-users",
            id: 6_000_001,
            name: "Toolkit users",
            members: [{ login: "acme-member", role: "maintainer" as const }],
          },
        ],
      })),
      tokens: [
        ...DEFAULT_SEED.tokens,
        { token: "maintainer", login: "acme-member", permissions: { members: "write" } },
        { token: "outsider", login: "octocat", permissions: { members: "read" } },
      ],
    };
    const emulator = await startTestEmulator({ seed });
    try {
      const put = (username: string, token: string) =>
        callApi(emulator, "PUT", `/orgs/acme/teams/toolkit-users/memberships/${username}`, {
          token,
        });
      expect((await put("hubot", "maintainer")).body).toMatchObject({ state: "active" });
      expect(await put("octocat", "maintainer")).toMatchObject({
        status: 403,
        body: { message: "Must have admin rights to Organization." },
      });
      const outsider = await callApi(emulator, "GET", "/orgs/acme/teams/toolkit-users", {
        token: "outsider",
      });
      expect(outsider.status).toBe(404);
    } finally {
      await emulator.close();
    }
  });

  it("accepts the organization invitation over the HTTP controls, and has no invitation list on GHES", async () => {
    await callApi(github(), "PUT", "/orgs/acme/teams/toolkit-users/memberships/hubot");
    const accept = await fetch(`${github().url}/_emulator/accept-org-invitation`, {
      method: "POST",
      body: JSON.stringify({ org: "acme", login: "hubot" }),
    });
    expect(accept.status).toBe(200);
    expect((await callApi(github(), "GET", "/orgs/acme/members/hubot")).status).toBe(204);
    const ghes = await startTestEmulator({ mode: "ghes" });
    try {
      expect((await callApi(ghes, "GET", "/orgs/acme/invitations")).status).toBe(404);
    } finally {
      await ghes.close();
    }
  });
});

describe("custom roles and the HTTP controls", () => {
  it("answers an unknown role with the observed 422", async () => {
    const put = await callApi(github(), "PUT", "/repos/acme/toolkit/collaborators/octocat", {
      body: { permission: "toolkit-writer" },
    });
    expect(put).toMatchObject({
      status: 422,
      body: {
        message: "Role `toolkit-writer` is not available for the acme/toolkit repository.",
        documentation_url:
          "https://docs.github.com/rest/collaborators/collaborators#add-a-repository-collaborator",
        status: "422",
      },
    });
  });

  it("revokes tokens, suspends installations and hands out the sandbox App's key", async () => {
    const control = (name: string, body: unknown) =>
      fetch(`${github().url}/_emulator/${name}`, { method: "POST", body: JSON.stringify(body) });
    const token = await mint();
    expect((await control("revoke-installation-tokens", {})).status).toBe(200);
    expect((await callApi(github(), "GET", "/repos/acme/toolkit", { token })).status).toBe(401);
    expect((await control("suspend-installation", { installationId: 5000001 })).status).toBe(200);
    expect(github().controls.snapshot().apps[0]?.installations[0]?.suspendedAt).not.toBeNull();
    const credentials = await fetch(`${github().url}/_emulator/app-credentials/repogrant-sandbox`);
    expect(await credentials.json()).toMatchObject({
      appId: 900001,
      privateKeyPem: expect.stringContaining("PRIVATE KEY") as unknown,
    });
  });
});

it("loads a state file written before Apps, teams and custom roles existed", async () => {
  const dir = mkdtempSync(join(tmpdir(), "github-emulator-old-"));
  try {
    const statePath = join(dir, "state.json");
    const first = await startTestEmulator({ statePath });
    const state = first.controls.snapshot() as unknown as Record<string, unknown>;
    await first.close();
    const { apps: _apps, orgInvitations: _o, nextOrgInvitationId: _n, ...old } = state;
    const orgs = (old.orgs as Array<Record<string, unknown>>).map(
      ({ teams: _t, customRoles: _c, ...org }) => org,
    );
    const users = (old.users as Array<Record<string, unknown>>)
      .filter((u) => u.type === "User")
      .map(({ type: _type, ...user }) => user);
    writeFileSync(statePath, JSON.stringify({ ...old, orgs, users }));
    const second = await startTestEmulator({ statePath });
    try {
      expect((await callApi(second, "GET", "/repos/acme/toolkit")).status).toBe(200);
      expect(second.controls.snapshot().apps).toEqual([]);
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
