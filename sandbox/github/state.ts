import { z } from "zod";
import { BASE_ROLES, REPO_ROLES } from "./roles";
import { seedSchema, type Seed } from "./seed";

// State refers to accounts by numeric id, so renaming a user keeps every reference intact.
const role = z.enum(REPO_ROLES);
const createdAt = z.string();

export const stateSchema = z.object({
  version: z.literal(1),
  users: z.array(
    z.object({ id: z.number(), login: z.string(), name: z.string().nullable(), createdAt }),
  ),
  orgs: z.array(
    z.object({
      id: z.number(),
      login: z.string(),
      name: z.string().nullable(),
      createdAt,
      baseRole: z.enum(BASE_ROLES),
      members: z.array(z.object({ userId: z.number(), role: z.enum(["admin", "member"]) })),
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
      collaborators: z.array(z.object({ userId: z.number(), role })),
    }),
  ),
  tokens: seedSchema.shape.tokens.element
    .omit({ login: true })
    .extend({ userId: z.number() })
    .array(),
  invitations: z.array(
    z.object({
      id: z.number(),
      repoId: z.number(),
      inviteeId: z.number(),
      inviterId: z.number(),
      role,
      /** Epoch ms, whole seconds: GitHub's timestamps have no fractions. */
      createdAt: z.number(),
    }),
  ),
  nextInvitationId: z.number(),
  /** When each invitation was sent, per repository, for the rolling 24-hour limit. */
  invitationsSent: z.array(z.object({ repoId: z.number(), at: z.number() })),
});

export type State = z.infer<typeof stateSchema>;
export type UserRecord = State["users"][number];
export type OrgRecord = State["orgs"][number];
export type RepoRecord = State["repos"][number];
export type TokenRecord = State["tokens"][number];
export type InvitationRecord = State["invitations"][number];
export type Account = (UserRecord & { type: "User" }) | (OrgRecord & { type: "Organization" });

const SEED_CREATED_AT = "2020-01-01T00:00:00Z";

export function stateFromSeed(input: Seed): State {
  const seed = seedSchema.parse(input);
  const ids = new Map<string, number>();
  for (const account of [...seed.users, ...seed.orgs]) {
    const key = account.login.toLowerCase();
    if (ids.has(key)) throw new Error(`Seed: login ${account.login} is used twice`);
    ids.set(key, account.id);
  }
  const idOf = (login: string, where: string): number => {
    const found = ids.get(login.toLowerCase());
    if (found === undefined) throw new Error(`Seed: ${where} names unknown account ${login}`);
    return found;
  };
  return {
    version: 1,
    users: seed.users.map((u) => ({ ...u, createdAt: SEED_CREATED_AT })),
    orgs: seed.orgs.map((o) => ({
      id: o.id,
      login: o.login,
      name: o.name,
      createdAt: SEED_CREATED_AT,
      baseRole: o.baseRole,
      members: o.members.map((m) => ({ userId: idOf(m.login, `org ${o.login}`), role: m.role })),
    })),
    repos: seed.repos.map((r) => ({
      id: r.id,
      ownerId: idOf(r.owner, `repo ${r.name}`),
      name: r.name,
      private: r.private,
      description: r.description,
      createdAt: SEED_CREATED_AT,
      collaborators: r.collaborators.map((c) => ({
        userId: idOf(c.login, `repo ${r.owner}/${r.name}`),
        role: c.role,
      })),
    })),
    tokens: seed.tokens.map(({ login, ...token }) => ({ ...token, userId: idOf(login, "token") })),
    invitations: [],
    nextInvitationId: 1000,
    invitationsSent: [],
  };
}
