import { describe, expect, it } from "vitest";
import { DEFAULT_SEED, type Seed } from "@/sandbox/github/seed";
import type { GithubEmulator } from "@/sandbox/github/emulator";
import { startTestEmulator, useGithubEmulator } from "@/test/support/github-emulator";
import { createAppProvider } from "../app-provider";
import { createGithubClient } from "../client";
import { tokenProvider } from "../client-provider";
import type { EntitlementTarget } from "./verification";
import { verifyEntitlementTarget } from "./verify-entitlement";

// Extra credentials beside the default world: a classic token, a team maintainer who is no
// org owner, and a second App installed without Administration.
const SEED: Seed = {
  ...DEFAULT_SEED,
  orgs: (DEFAULT_SEED.orgs ?? []).map((org) => ({
    ...org,
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
    { token: "classic-admin", login: "acme-admin", kind: "classic", scopes: ["repo", "admin:org"] },
    {
      token: "maintainer-token",
      login: "acme-member",
      permissions: { metadata: "read", members: "write", administration: "write" },
    },
  ],
};

const github = useGithubEmulator({ seed: SEED });
const toolkit = (permission: string): EntitlementTarget => ({
  kind: "github_repo",
  owner: "acme",
  repo: "toolkit",
  permission,
});
const team: EntitlementTarget = { kind: "github_team", org: "acme", teamSlug: "toolkit-users" };

function byToken(token: string, emulator: GithubEmulator = github()) {
  return tokenProvider(
    createGithubClient({ token, baseUrl: emulator.url, writeIntervalMs: 0, retries: 0 }),
  );
}

function byApp(emulator: GithubEmulator = github()) {
  const { appId, privateKeyPem } = emulator.controls.appCredentials("repogrant-sandbox");
  return createAppProvider({
    appId,
    privateKey: privateKeyPem,
    baseUrl: emulator.url,
    writeIntervalMs: 0,
    now: () => emulator.controls.now(),
  });
}

/** "check: outcome code" for each check, for compact expectations. */
async function summary(...args: Parameters<typeof verifyEntitlementTarget>) {
  const result = await verifyEntitlementTarget(...args);
  for (const check of result.checks) expect(check.message).not.toMatch(/[{}]/);
  return {
    verdict: result.verdict,
    checks: result.checks.map((c) => `${c.check}: ${c.outcome} ${c.code}`),
  };
}

describe("verifying a repository entitlement", () => {
  it("with a fine-grained token: says plainly that Administration: write cannot be seen", async () => {
    const result = await verifyEntitlementTarget(byToken("sandbox-admin-token"), toolkit("pull"));
    expect(result.verdict).toBe("unverified");
    expect(result.checks).toEqual([
      expect.objectContaining({ check: "repository", outcome: "ok", code: "repo_org_owned" }),
      expect.objectContaining({
        check: "administration",
        outcome: "unverified",
        code: "administration_write_unverified",
        message: expect.stringContaining("no way to confirm Administration: write") as unknown,
      }),
    ]);
    expect(result.calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
      "GET /repos/acme/toolkit 200",
      "GET /repos/acme/toolkit/invitations 200",
      "GET /orgs/acme 200",
    ]);
  });

  it("warns that on a paid organization plan each buyer takes a paid seat", async () => {
    const seed: Seed = {
      ...SEED,
      orgs: (SEED.orgs ?? []).map((org) => ({ ...org, plan: "team" as const })),
    };
    const emulator = await startTestEmulator({ seed });
    try {
      const result = await verifyEntitlementTarget(
        byToken("classic-admin", emulator),
        toolkit("pull"),
      );
      expect(result.verdict).toBe("warning");
      const seats = result.checks.find((c) => c.check === "seats");
      expect(seats).toMatchObject({ outcome: "warning" });
      expect(seats?.message).toContain("acme is on GitHub's paid “team” plan");
      expect(seats?.message).toContain("takes a paid seat");
      // A member who is no owner cannot see the plan: nothing is claimed either way.
      const unseen = await verifyEntitlementTarget(
        byToken("maintainer-token", emulator),
        toolkit("pull"),
      );
      expect(unseen.checks.map((c) => c.check)).not.toContain("seats");
    } finally {
      await emulator.close();
    }
  });

  it("with a classic token: the repo scope and admin rights verify it completely", async () => {
    expect(await summary(byToken("classic-admin"), toolkit("push"))).toEqual({
      verdict: "ok",
      checks: ["repository: ok repo_org_owned", "administration: ok can_administer_repo"],
    });
  });

  it("finds a token that cannot administer the repository", async () => {
    // Metadata only: the owner is an admin, but the token may not even read invitations.
    expect(await summary(byToken("sandbox-readonly-token"), toolkit("pull"))).toEqual({
      verdict: "problem",
      checks: [
        "repository: ok repo_org_owned",
        "administration: problem token_lacks_administration",
      ],
    });
    // The owner is no admin of the repository.
    expect(await summary(byToken("maintainer-token"), toolkit("pull"))).toMatchObject({
      verdict: "problem",
      checks: [
        "repository: ok repo_org_owned",
        "administration: problem token_lacks_administration",
      ],
    });
  });

  it("warns that a user-owned repository gives write, and refuses another permission there", async () => {
    const dotfiles = { kind: "github_repo", owner: "acme-admin", repo: "dotfiles" } as const;
    const push = await verifyEntitlementTarget(byToken("sandbox-admin-token"), {
      ...dotfiles,
      permission: "push",
    });
    expect(push.verdict).toBe("warning");
    expect(push.checks[0]).toMatchObject({
      check: "repository",
      outcome: "warning",
      code: "user_owned_repo_grants_write",
      message: expect.stringMatching(
        /^The repository belongs to the personal account acme-admin/,
      ) as unknown,
    });
    expect(
      await summary(byToken("sandbox-admin-token"), { ...dotfiles, permission: "pull" }),
    ).toMatchObject({
      verdict: "problem",
      checks: ["repository: problem permission_not_allowed_on_user_repo", expect.any(String)],
    });
  });

  it("reports a repository that does not exist, or cannot be seen", async () => {
    const missing = {
      kind: "github_repo",
      owner: "acme",
      repo: "tolkit",
      permission: "pull",
    } as const;
    expect(await summary(byToken("sandbox-admin-token"), missing)).toEqual({
      verdict: "problem",
      checks: ["repository: problem repo_not_found"],
    });
  });

  it("cannot check a custom role on github.com, and says so; GHES lists the roles", async () => {
    expect(await summary(byToken("sandbox-admin-token"), toolkit("toolkit-reader"))).toMatchObject({
      verdict: "unverified",
      checks: [
        expect.any(String),
        expect.any(String),
        "custom_role: unverified custom_role_unverified",
      ],
    });
    const ghes = await startTestEmulator({ mode: "ghes" });
    try {
      const known = await summary(byToken("sandbox-admin-token", ghes), toolkit("toolkit-reader"));
      expect(known.checks[2]).toBe("custom_role: ok custom_role_found");
      expect(
        await summary(byToken("sandbox-admin-token", ghes), toolkit("toolkit-writer")),
      ).toMatchObject({
        verdict: "problem",
        checks: [
          expect.any(String),
          expect.any(String),
          "custom_role: problem custom_role_not_found",
        ],
      });
    } finally {
      await ghes.close();
    }
  });

  it("with the GitHub App: its installation's permissions verify it completely", async () => {
    expect(await summary(byApp(), toolkit("pull"))).toEqual({
      verdict: "ok",
      checks: [
        "installation: ok app_installed",
        "repository: ok repo_org_owned",
        "administration: ok can_administer_repo",
      ],
    });
    const dotfiles = {
      kind: "github_repo",
      owner: "acme-admin",
      repo: "dotfiles",
      permission: "push",
    } as const;
    const notInstalled = await verifyEntitlementTarget(byApp(), dotfiles);
    expect(notInstalled).toMatchObject({
      verdict: "problem",
      checks: [{ check: "installation", outcome: "problem", code: "app_not_installed" }],
    });
    expect(notInstalled.checks[0]?.fix).toMatch(/^Install the GitHub App on acme-admin/);
  });

  it("with an App installed without Administration: write", async () => {
    const seed: Seed = {
      ...DEFAULT_SEED,
      apps: (DEFAULT_SEED.apps ?? []).map((app) => ({
        ...app,
        installations: [
          { id: 5_000_001, account: "acme", permissions: { metadata: "read", members: "read" } },
        ],
      })),
    };
    const emulator = await startTestEmulator({ seed });
    try {
      expect(await summary(byApp(emulator), toolkit("pull"))).toMatchObject({
        verdict: "problem",
        checks: [
          expect.any(String),
          expect.any(String),
          "administration: problem token_lacks_administration",
        ],
      });
      expect(await summary(byApp(emulator), team)).toMatchObject({
        verdict: "problem",
        checks: [
          expect.any(String),
          "team: ok team_accessible",
          "team_management: problem token_lacks_members_permission",
          "org_base_role: warning org_base_role_opens_repositories",
        ],
      });
    } finally {
      await emulator.close();
    }
  });

  it("calls GitHub being unreachable unverified, not a problem", async () => {
    github().controls.failNextRequests(1, { status: 503 });
    expect(await summary(byToken("sandbox-admin-token"), toolkit("pull"))).toEqual({
      verdict: "unverified",
      checks: ["repository: unverified github_unavailable"],
    });
  });
});

describe("verifying a team entitlement", () => {
  it("with the org owner's fine-grained token: the team is there, Members: write unseen", async () => {
    expect(await summary(byToken("sandbox-admin-token"), team)).toEqual({
      verdict: "warning",
      checks: [
        "team: ok team_accessible",
        "team_management: unverified members_write_unverified",
        "org_base_role: warning org_base_role_opens_repositories",
      ],
    });
  });

  it("warns in words that the org's base role opens every repository to buyers", async () => {
    const verified = await verifyEntitlementTarget(byToken("sandbox-admin-token"), team);
    const warning = verified.checks.find((c) => c.check === "org_base_role");
    expect(warning?.message).toContain(
      "Every member of acme has the base role “read” on all of its repositories, private ones included.",
    );
    expect(warning?.fix).toContain("Base permissions");
    github().controls.setOrgBaseRole("acme", "none");
    expect(await summary(byToken("sandbox-admin-token"), team)).toMatchObject({
      checks: expect.arrayContaining(["org_base_role: ok org_base_role_none"]) as unknown,
    });
  });

  it("with a classic token or the App: complete", async () => {
    const baseRole = "org_base_role: warning org_base_role_opens_repositories";
    expect(await summary(byToken("classic-admin"), team)).toEqual({
      verdict: "warning",
      checks: ["team: ok team_accessible", "team_management: ok can_manage_team", baseRole],
    });
    expect(await summary(byApp(), team)).toEqual({
      verdict: "warning",
      checks: [
        "installation: ok app_installed",
        "team: ok team_accessible",
        "team_management: ok can_manage_team",
        baseRole,
      ],
    });
  });

  it("finds a maintainer who is no org owner, a token without Members, and a missing team", async () => {
    expect(await summary(byToken("maintainer-token"), team)).toEqual({
      verdict: "problem",
      checks: [
        "team: ok team_accessible",
        "team_management: problem token_lacks_members_permission",
        // A member who is no owner does not see the base role.
        "org_base_role: unverified org_base_role_unseen",
      ],
    });
    expect(await summary(byToken("sandbox-readonly-token"), team)).toEqual({
      verdict: "problem",
      checks: ["team: problem token_lacks_members_permission"],
    });
    const typo = { ...team, teamSlug: "toolkit-user" } as const;
    const missing = await verifyEntitlementTarget(byToken("sandbox-admin-token"), typo);
    expect(missing).toMatchObject({
      verdict: "problem",
      checks: [{ check: "team", outcome: "problem", code: "team_not_found" }],
    });
    expect(missing.checks[0]?.message).toContain("the team toolkit-user in acme");
  });
});
