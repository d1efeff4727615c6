import { z } from "zod";
import { BASE_ROLES, CUSTOM_ROLE_BASES, REPO_ROLES } from "./roles";
import { ORG_PLANS, seedSchema, tokenPermissions } from "./seed";

// State refers to accounts by numeric id, so renaming a user keeps every reference intact.
// Collections added after the first release default to empty, so older state files still load.
const role = z.enum(REPO_ROLES);
const createdAt = z.string();
/** An org custom role's name, when that is what was granted (`role` is then its base role). */
const customRole = z.string().optional();

export const stateSchema = z.object({
  version: z.literal(1),
  users: z.array(
    z.object({
      id: z.number(),
      login: z.string(),
      name: z.string().nullable(),
      createdAt,
      /** "Bot": the `{slug}[bot]` account a GitHub App's installation tokens act as. */
      type: z.enum(["User", "Bot"]).default("User"),
    }),
  ),
  orgs: z.array(
    z.object({
      id: z.number(),
      login: z.string(),
      name: z.string().nullable(),
      createdAt,
      /** GitHub's plan name; "free" organizations younger than a month invite less per day. */
      plan: z.enum(ORG_PLANS).default("free"),
      baseRole: z.enum(BASE_ROLES),
      members: z.array(z.object({ userId: z.number(), role: z.enum(["admin", "member"]) })),
      teams: z
        .array(
          z.object({
            id: z.number(),
            slug: z.string(),
            name: z.string(),
            description: z.string().nullable(),
            privacy: z.enum(["closed", "secret"]),
            createdAt,
            members: z.array(
              z.object({ userId: z.number(), role: z.enum(["member", "maintainer"]) }),
            ),
          }),
        )
        .default([]),
      customRoles: z
        .array(
          z.object({
            id: z.number(),
            name: z.string(),
            baseRole: z.enum(CUSTOM_ROLE_BASES),
            description: z.string().nullable(),
            createdAt,
          }),
        )
        .default([]),
    }),
  ),
  repos: z.array(
    z.object({
      id: z.number(),
      ownerId: z.number(),
      name: z.string(),
      private: z.boolean(),
      description: z.string().nullable(),
      createdAt,
      collaborators: z.array(z.object({ userId: z.number(), role, customRole })),
    }),
  ),
  tokens: seedSchema.shape.tokens.element
    .omit({ login: true })
    .extend({
      userId: z.number(),
      /** Installation tokens: whose they are and when they stop working (epoch ms). */
      installationId: z.number().optional(),
      expiresAt: z.number().optional(),
    })
    .array(),
  invitations: z.array(
    z.object({
      id: z.number(),
      repoId: z.number(),
      inviteeId: z.number(),
      inviterId: z.number(),
      role,
      customRole,
      /** Epoch ms, whole seconds: GitHub's timestamps have no fractions. */
      createdAt: z.number(),
    }),
  ),
  nextInvitationId: z.number(),
  /** When each invitation was sent, per repository, for the rolling 24-hour limit. */
  invitationsSent: z.array(z.object({ repoId: z.number(), at: z.number() })),
  apps: z
    .array(
      z.object({
        id: z.number(),
        slug: z.string(),
        name: z.string(),
        ownerId: z.number(),
        botUserId: z.number(),
        publicKeyPem: z.string(),
        /** Only for key pairs the emulator made itself, so the sandbox can hand the key out. */
        privateKeyPem: z.string().optional(),
        createdAt,
        installations: z.array(
          z.object({
            id: z.number(),
            accountId: z.number(),
            permissions: tokenPermissions,
            repositorySelection: z.enum(["all", "selected"]),
            repositoryIds: z.array(z.number()),
            suspendedAt: z.number().nullable().default(null),
            createdAt,
          }),
        ),
      }),
    )
    .default([]),
  /** Pending invitations to join an organization, made by adding a non-member to a team. */
  orgInvitations: z
    .array(
      z.object({
        id: z.number(),
        orgId: z.number(),
        inviteeId: z.number(),
        inviterId: z.number(),
        teams: z.array(z.object({ teamId: z.number(), role: z.enum(["member", "maintainer"]) })),
        createdAt: z.number(),
      }),
    )
    .default([]),
  nextOrgInvitationId: z.number().default(8000),
  /** When each organization invitation was sent, for the rolling 24-hour limit. */
  orgInvitationsSent: z.array(z.object({ orgId: z.number(), at: z.number() })).default([]),
});

export type State = z.infer<typeof stateSchema>;
export type UserRecord = State["users"][number];
export type OrgRecord = State["orgs"][number];
export type TeamRecord = OrgRecord["teams"][number];
export type CustomRoleRecord = OrgRecord["customRoles"][number];
export type RepoRecord = State["repos"][number];
export type TokenRecord = State["tokens"][number];
export type InvitationRecord = State["invitations"][number];
export type AppRecord = State["apps"][number];
export type InstallationRecord = AppRecord["installations"][number];
export type OrgInvitationRecord = State["orgInvitations"][number];
export type Account = UserRecord | (OrgRecord & { type: "Organization" });
