import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DEFAULT_SEED } from "@/sandbox/github/seed";
import { startTestEmulator, useGithubEmulator } from "@/test/support/github-emulator";
import { createAppProvider, type AppProviderOptions } from "./app-provider";
import { githubProviderFromConfig } from "./client-from-config";
import { inviteCollaborator } from "./invite-collaborator";
import { listRepoInvitations } from "./list-invitations";
import { getTokenOwner } from "./users";

const github = useGithubEmulator();
const TOOLKIT = { owner: "acme", repo: "toolkit" } as const;
const INSTALLATION_LOOKUP = "GET /repos/{owner}/{repo}/installation";
const MINT = "POST /app/installations/{installation_id}/access_tokens";
const PUT = "PUT /repos/{owner}/{repo}/collaborators/{username}";
const MINUTE = 60_000;

function provider(overrides: Partial<AppProviderOptions> = {}) {
  const { appId, privateKeyPem } = github().controls.appCredentials("repogrant-sandbox");
  return createAppProvider({
    appId,
    privateKey: privateKeyPem,
    baseUrl: github().url,
    writeIntervalMs: 0,
    retryDelayBaseMs: 1,
    now: () => github().controls.now(),
    ...overrides,
  });
}

async function clientFor(p: ReturnType<typeof provider>, target = TOOLKIT) {
  const found = await p.clientFor(target);
  if (!found.ok) throw new Error(`expected a client: ${found.error.code}`);
  return found.value;
}

const invite = (username: string) => ({ ...TOOLKIT, username, permission: "pull" });

describe("GitHub App authentication", () => {
  it("finds the installation with the App's JWT, mints a token and invites as the App's bot", async () => {
    const app = provider();
    const found = await app.clientFor(TOOLKIT);
    expect(found).toMatchObject({ ok: true, calls: [{ status: 200 }] });
    const client = await clientFor(app);
    const invited = await inviteCollaborator(client, invite("octocat"));
    expect(invited).toMatchObject({ ok: true, value: { status: "invited" } });

    const log = github().requestLog;
    expect(log.entries.map((e) => `${e.method} ${e.route} ${e.status}`)).toEqual([
      `${INSTALLATION_LOOKUP} 200`,
      `${MINT} 201`,
      `${PUT} 201`,
    ]);
    expect(log.entries[2]?.login).toBe("repogrant-sandbox[bot]");
    const [invitation] = github().controls.snapshot().invitations;
    const bot = github()
      .controls.snapshot()
      .users.find((u) => u.id === invitation?.inviterId);
    expect(bot).toMatchObject({ login: "repogrant-sandbox[bot]", type: "Bot" });

    // The installation and its token are reused.
    await inviteCollaborator(await clientFor(app), invite("hubot"));
    expect(log.count(INSTALLATION_LOOKUP)).toBe(1);
    expect(log.count(MINT)).toBe(1);
    expect((await app.installationFor(TOOLKIT)).calls).toEqual([]);
  });

  it("renews the token five minutes before it expires, on the injected clock", async () => {
    const client = await clientFor(provider());
    await inviteCollaborator(client, invite("octocat"));
    github().controls.advanceClock(54 * MINUTE);
    await inviteCollaborator(client, invite("hubot"));
    expect(github().requestLog.count(MINT)).toBe(1);

    github().controls.advanceClock(2 * MINUTE);
    const renewed = await inviteCollaborator(client, invite("hubot"));
    expect(renewed.ok).toBe(true);
    expect(github().requestLog.count(MINT, 201)).toBe(2);
    // The old token was still valid: renewal came before GitHub would have refused it.
    expect(github().requestLog.entries.filter((e) => e.status === 401)).toEqual([]);
  });

  it("mints a new token and retries once when GitHub refuses the current one", async () => {
    const client = await clientFor(provider());
    await inviteCollaborator(client, invite("octocat"));
    github().controls.revokeInstallationTokens();
    const after = await inviteCollaborator(client, invite("hubot"));
    expect(after).toMatchObject({ ok: true, value: { status: "invited" } });
    expect(github().requestLog.count(PUT, 401)).toBe(1);
    expect(github().requestLog.count(MINT, 201)).toBe(2);
  });

  it("answers app_not_installed, naming the owner, where the App has no installation", async () => {
    const result = await provider().clientFor({ owner: "acme-admin", repo: "dotfiles" });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "app_not_installed", kind: "action_required", status: 404 },
    });
    expect(result.ok || result.error.fix).toMatch(/^Install the GitHub App on acme-admin /);
    expect(await provider().clientFor({ org: "nowhere" })).toMatchObject({
      ok: false,
      error: { code: "app_not_installed" },
    });
  });

  it("shares one lookup among concurrent requests for the same target", async () => {
    const app = provider();
    const found = await Promise.all([1, 2, 3].map(() => app.clientFor(TOOLKIT)));
    expect(found.every((f) => f.ok)).toBe(true);
    expect(github().requestLog.count(INSTALLATION_LOOKUP)).toBe(1);
  });

  it("notices the App was uninstalled after its installation was cached", async () => {
    const app = provider();
    await inviteCollaborator(await clientFor(app), invite("octocat"));
    github().controls.uninstallApp(5_000_001);
    const result = await inviteCollaborator(await clientFor(app), invite("hubot"));
    expect(result).toMatchObject({
      ok: false,
      error: { code: "app_not_installed", kind: "action_required" },
    });
    expect(result.ok || result.error.message).toContain("not installed on acme,");
    // The cached installation is forgotten: the next request looks it up again.
    expect(await app.clientFor(TOOLKIT)).toMatchObject({
      ok: false,
      error: { code: "app_not_installed" },
    });
    expect(github().requestLog.count(INSTALLATION_LOOKUP)).toBe(2);
  });

  it("reports a suspended installation when minting its token", async () => {
    github().controls.suspendInstallation(5_000_001);
    const result = await inviteCollaborator(await clientFor(provider()), invite("octocat"));
    expect(result).toMatchObject({
      ok: false,
      error: { code: "app_installation_suspended", kind: "action_required", status: 403 },
    });
    expect(github().requestLog.count(PUT)).toBe(0);
  });

  it("gets GitHub's 403 when an installation token calls a user-only endpoint", async () => {
    const result = await getTokenOwner(await clientFor(provider()));
    expect(result).toMatchObject({
      ok: false,
      error: { status: 403, githubMessage: "Resource not accessible by integration" },
    });
  });

  it("reports credentials GitHub rejects: a key that is not the App's", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 1024 });
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const result = await provider({ privateKey: pem }).clientFor(TOOLKIT);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "app_credentials_rejected",
        kind: "action_required",
        status: 401,
        githubMessage: "A JSON web token could not be decoded",
      },
    });
  });
});

describe("githubProviderFromConfig", () => {
  it("picks the App from GITHUB_APP_ID and a PEM key (also with \\n escapes), else the token", async () => {
    const { appId, privateKeyPem } = github().controls.appCredentials("repogrant-sandbox");
    const escaped = privateKeyPem.trim().replace(/\n/g, "\\n");
    const app = githubProviderFromConfig(
      {
        appId: String(appId),
        appPrivateKey: escaped,
        apiUrl: github().url,
      },
      { writeIntervalMs: 0, now: () => github().controls.now() },
    );
    expect(app.mode).toBe("app");
    const client = await app.clientFor(TOOLKIT);
    expect(client.ok && (await listRepoInvitations(client.value, TOOLKIT)).ok).toBe(true);

    const token = githubProviderFromConfig({
      token: "sandbox-admin-token",
      apiUrl: github().url,
    });
    expect(token.mode).toBe("token");
  });

  it("names the variable to fix", () => {
    const pem = generateKeyPairSync("rsa", { modulusLength: 1024 })
      .privateKey.export({ type: "pkcs8", format: "pem" })
      .toString();
    expect(() => githubProviderFromConfig({ appPrivateKey: pem })).toThrow(/GITHUB_APP_ID/);
    expect(() => githubProviderFromConfig({ appId: "1" })).toThrow(/GITHUB_APP_PRIVATE_KEY/);
    const broken = "-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----";
    expect(() => githubProviderFromConfig({ appId: "1", appPrivateKey: broken })).toThrow(
      /GITHUB_APP_PRIVATE_KEY is not a GitHub App private key/,
    );
  });
});

describe("GitHub App on GitHub Enterprise Server", () => {
  it("serves the App under /api/v3, where the invitation adds the collaborator directly", async () => {
    const ghes = await startTestEmulator({ mode: "ghes", seed: DEFAULT_SEED });
    try {
      const { appId, privateKeyPem } = ghes.controls.appCredentials("repogrant-sandbox");
      const app = createAppProvider({
        appId,
        privateKey: privateKeyPem,
        baseUrl: ghes.url,
        writeIntervalMs: 0,
      });
      const found = await app.clientFor(TOOLKIT);
      if (!found.ok) throw new Error(found.error.code);
      expect(await inviteCollaborator(found.value, invite("octocat"))).toMatchObject({
        ok: true,
        value: { status: "already_has_access" },
      });
    } finally {
      await ghes.close();
    }
  });
});
