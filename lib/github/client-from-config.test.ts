import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigError } from "../config-error";
import { useGithubEmulator } from "@/test/support/github-emulator";
import { createGithubClient } from "./client";
import { githubClientFromConfig } from "./client-from-config";
import { getCollaboratorAccess } from "./get-collaborator-access";
import { inviteCollaborator } from "./invite-collaborator";
import { getTokenOwner } from "./users";
import { findOpenInvitation } from "./list-invitations";

// GitHub Enterprise Server: GITHUB_API_URL=https://HOST/api/v3, and no invitations: adding a
// collaborator makes them one at once (204).
const github = useGithubEmulator({ mode: "ghes" });

afterEach(() => vi.restoreAllMocks());
const toolkit = { owner: "acme", repo: "toolkit" };

describe("GitHub Enterprise Server", () => {
  it("reads the 204 of adding a collaborator as already_has_access, and the access is active", async () => {
    const configured = githubClientFromConfig({
      token: "sandbox-admin-token",
      apiUrl: github().url,
      writeIntervalMs: 0,
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

describe("githubClientFromConfig", () => {
  it("uses GITHUB_TOKEN against GITHUB_API_URL", async () => {
    const configured = githubClientFromConfig({
      token: "sandbox-token-octocat",
      apiUrl: github().url,
    });
    expect(await getTokenOwner(configured)).toMatchObject({
      ok: true,
      value: { login: "octocat", id: 583231 },
    });
  });

  it("accepts a personal token in GITHUB_APP_PRIVATE_KEY, warning once without printing it", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const token = "ghp_legacyTokenValue";
    const configured = githubClientFromConfig({
      appPrivateKey: token,
      apiUrl: github().url,
    });
    githubClientFromConfig({ appPrivateKey: token, apiUrl: github().url });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain("GITHUB_TOKEN");
    expect(String(warn.mock.calls[0]?.[0])).not.toContain(token);
    // The emulator does not know this token: it was really sent.
    expect(await getTokenOwner(configured)).toMatchObject({
      ok: false,
      error: { code: "bad_credentials" },
    });
  });

  it("fails with an error naming the variable to set", () => {
    expect(() => githubClientFromConfig({})).toThrow(ConfigError);
    expect(() => githubClientFromConfig({})).toThrow(/GITHUB_TOKEN/);
    expect(() => githubClientFromConfig({ token: " " })).toThrow(/GITHUB_TOKEN/);
    const pem = "-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----";
    expect(() => githubClientFromConfig({ appPrivateKey: pem })).toThrow(/GITHUB_APP_ID/);
    // An App acts through one installation per owner, which one client cannot do.
    expect(() => githubClientFromConfig({ appId: "1", appPrivateKey: pem })).toThrow(
      /githubProviderFromConfig/,
    );
  });
});
