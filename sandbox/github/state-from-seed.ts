import { sandboxKeyPair } from "./app-keys";
import { seedSchema, type Seed } from "./seed";
import type { State } from "./state";

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
  const repos = seed.repos.map((r) => ({
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
  }));
  const repoIdOf = (accountId: number, name: string, where: string): number => {
    const repo = repos.find(
      (r) => r.ownerId === accountId && r.name.toLowerCase() === name.toLowerCase(),
    );
    if (!repo) throw new Error(`Seed: ${where} names unknown repository ${name}`);
    return repo.id;
  };
  return {
    version: 1,
    users: [
      ...seed.users.map((u) => ({ ...u, createdAt: SEED_CREATED_AT, type: "User" as const })),
      ...seed.apps.map((a) => ({
        id: a.botId,
        login: `${a.slug}[bot]`,
        name: null,
        createdAt: SEED_CREATED_AT,
        type: "Bot" as const,
      })),
    ],
    orgs: seed.orgs.map((o) => ({
      id: o.id,
      login: o.login,
      name: o.name,
      createdAt: o.createdAt ?? SEED_CREATED_AT,
      plan: o.plan,
      baseRole: o.baseRole,
      members: o.members.map((m) => ({ userId: idOf(m.login, `org ${o.login}`), role: m.role })),
      teams: o.teams.map((t) => ({
        id: t.id,
        slug: t.slug,
        name: t.name,
        description: t.description,
        privacy: t.privacy,
        createdAt: SEED_CREATED_AT,
        members: t.members.map((m) => ({
          userId: idOf(m.login, `team ${o.login}/${t.slug}`),
          role: m.role,
        })),
      })),
      customRoles: o.customRoles.map((r) => ({ ...r, createdAt: SEED_CREATED_AT })),
    })),
    repos,
    tokens: seed.tokens.map(({ login, ...token }) => ({ ...token, userId: idOf(login, "token") })),
    invitations: [],
    nextInvitationId: 1000,
    invitationsSent: [],
    apps: seed.apps.map((a) => {
      const keys = a.publicKeyPem ? { publicKeyPem: a.publicKeyPem } : sandboxKeyPair();
      return {
        id: a.id,
        slug: a.slug,
        name: a.name,
        ownerId: idOf(a.owner, `app ${a.slug}`),
        botUserId: a.botId,
        ...keys,
        createdAt: SEED_CREATED_AT,
        installations: a.installations.map((i) => {
          const accountId = idOf(i.account, `installation ${i.id}`);
          return {
            id: i.id,
            accountId,
            permissions: i.permissions,
            repositorySelection: i.repositorySelection,
            repositoryIds: i.repositories.map((name) =>
              repoIdOf(accountId, name, `installation ${i.id}`),
            ),
            suspendedAt: null,
            createdAt: SEED_CREATED_AT,
          };
        }),
      };
    }),
    orgInvitations: [],
    nextOrgInvitationId: 8000,
    orgInvitationsSent: [],
  };
}
