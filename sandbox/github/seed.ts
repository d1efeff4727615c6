import { z } from "zod";
import { BASE_ROLES, REPO_ROLES } from "./roles";

const login = z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "not a GitHub login");
const id = z.number().int().positive();

const tokenPermissions = z.object({
  administration: z.enum(["read", "write"]).optional(),
  metadata: z.literal("read").optional(),
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
        baseRole: z.enum(BASE_ROLES).default("read"),
        members: z.array(z.object({ login, role: z.enum(["admin", "member"]) })).default([]),
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
    }),
  ),
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
      permissions: { administration: "write", metadata: "read" },
    },
    { token: "sandbox-readonly-token", login: "acme-admin", permissions: { metadata: "read" } },
    { token: "sandbox-token-octocat", login: "octocat" },
    { token: "sandbox-token-hubot", login: "hubot" },
    { token: "sandbox-token-acme-member", login: "acme-member" },
  ],
};
