import { z } from "zod";
import { BASE_ROLES, CUSTOM_ROLE_BASES, REPO_ROLES } from "./roles";

/** GitHub organization plans: every one but "free" is paid (its members take seats). */
export const ORG_PLANS = ["free", "team", "business", "enterprise"] as const;

const login = z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "not a GitHub login");
const id = z.number().int().positive();

const access = z.enum(["read", "write"]);

/** Fine-grained token and GitHub App permissions, by GitHub's names. */
export const tokenPermissions = z.object({
  administration: access.optional(),
  metadata: z.literal("read").optional(),
  /** Organization "Members": teams, memberships and organization invitations. */
  members: access.optional(),
  /** Organization "Custom repository roles" (listing them on GHES). */
  organization_custom_roles: access.optional(),
});
export type TokenPermissions = z.infer<typeof tokenPermissions>;

const team = z.object({
  slug: z.string().regex(/^[a-z0-9_-]+$/),
  id,
  name: z.string(),
  description: z.string().nullable().default(null),
  /** "secret" teams are visible only to their members and the organization's owners. */
  privacy: z.enum(["closed", "secret"]).default("closed"),
  members: z.array(z.object({ login, role: z.enum(["member", "maintainer"]) })).default([]),
});

/** An organization's custom repository role; it grants what its base role grants, and more. */
const customRole = z.object({
  id,
  name: z.string().min(1),
  baseRole: z.enum(CUSTOM_ROLE_BASES),
  description: z.string().nullable().default(null),
});

const app = z.object({
  id,
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  /** The account that owns the App (an organization or user of the seed). */
  owner: login,
  /** The user id of `{slug}[bot]`, who acts for the App's installations. */
  botId: id,
  /** PEM (SPKI) key the App's JWTs are checked with; absent: the emulator makes a key pair. */
  publicKeyPem: z.string().optional(),
  installations: z
    .array(
      z.object({
        id,
        account: login,
        permissions: tokenPermissions,
        repositorySelection: z.enum(["all", "selected"]).default("all"),
        /** With `selected`: the account's repositories the App may use, by name. */
        repositories: z.array(z.string()).default([]),
      }),
    )
    .default([]),
});

/** The JSON shape of `--seed file.json`: accounts referenced by login. */
export const seedSchema = z.object({
  users: z.array(z.object({ login, id, name: z.string().nullable().default(null) })),
  orgs: z
    .array(
      z.object({
        login,
        id,
        name: z.string().nullable().default(null),
        /** ISO time; default long ago. A young free organization may send fewer invitations. */
        createdAt: z.string().optional(),
        plan: z.enum(ORG_PLANS).default("free"),
        baseRole: z.enum(BASE_ROLES).default("read"),
        members: z.array(z.object({ login, role: z.enum(["admin", "member"]) })).default([]),
        teams: z.array(team).default([]),
        customRoles: z.array(customRole).default([]),
      }),
    )
    .default([]),
  repos: z.array(
    z.object({
      owner: login,
      name: z.string().regex(/^[A-Za-z0-9._-]+$/),
      id,
      private: z.boolean().default(true),
      description: z.string().nullable().default(null),
      collaborators: z.array(z.object({ login, role: z.enum(REPO_ROLES) })).default([]),
    }),
  ),
  tokens: z.array(
    z.object({
      token: z.string().min(1),
      login,
      /** Decides the 403 wording ("…by personal access token" or "…by integration"). */
      kind: z.enum(["fine_grained", "classic", "installation"]).default("fine_grained"),
      /** Fine-grained repository permissions; classic tokens are treated as full `repo` scope. */
      permissions: tokenPermissions.default({ metadata: "read" }),
      /** Classic tokens only: sent as `x-oauth-scopes` (default `repo`). */
      scopes: z.array(z.string()).optional(),
    }),
  ),
  apps: z.array(app).default([]),
});

export type Seed = z.input<typeof seedSchema>;
export type ParsedSeed = z.output<typeof seedSchema>;

/** The default world. Others rely on these names, ids and tokens: see sandbox/README.md. */
export const DEFAULT_SEED: Seed = {
  users: [
    { login: "acme-admin", id: 1_000_001, name: "Acme Admin" },
    { login: "acme-member", id: 1_000_002, name: "Acme Member" },
    { login: "octocat", id: 583_231, name: "The Octocat" },
    { login: "hubot", id: 480_938, name: "Hubot" },
    // The sandbox identity provider's legacy-buyer (an older Logto GitHub identity shape).
    { login: "legacy-buyer", id: 1_000_003, name: "Legacy Buyer" },
  ],
  orgs: [
    {
      login: "acme",
      id: 2_000_001,
      name: "Acme",
      baseRole: "read",
      members: [
        { login: "acme-admin", role: "admin" },
        { login: "acme-member", role: "member" },
      ],
      teams: [{ slug: "toolkit-users", id: 6_000_001, name: "Toolkit users" }],
      customRoles: [{ id: 7_000_001, name: "toolkit-reader", baseRole: "read" }],
    },
  ],
  repos: [
    { owner: "acme", name: "toolkit", id: 3_000_001, description: "Acme's private toolkit" },
    { owner: "acme-admin", name: "dotfiles", id: 3_000_002, description: "A user-owned repo" },
  ],
  tokens: [
    {
      token: "sandbox-admin-token",
      login: "acme-admin",
      permissions: {
        administration: "write",
        metadata: "read",
        members: "write",
        organization_custom_roles: "read",
      },
    },
    { token: "sandbox-readonly-token", login: "acme-admin", permissions: { metadata: "read" } },
    { token: "sandbox-token-octocat", login: "octocat" },
    { token: "sandbox-token-hubot", login: "hubot" },
    { token: "sandbox-token-legacy-buyer", login: "legacy-buyer" },
    { token: "sandbox-token-acme-member", login: "acme-member" },
  ],
  // Its key pair is made by the emulator: controls.appCredentials("repogrant-sandbox").
  apps: [
    {
      id: 900_001,
      slug: "repogrant-sandbox",
      name: "Repogrant Sandbox",
      owner: "acme",
      botId: 4_000_001,
      installations: [
        {
          id: 5_000_001,
          account: "acme",
          permissions: { administration: "write", members: "write", metadata: "read" },
        },
      ],
    },
  ],
};
