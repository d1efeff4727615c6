import { baseRoleAsRepoRole, higherRole, roleName, type RepoRole } from "./roles";
import type {
  Account,
  AppRecord,
  InstallationRecord,
  OrgRecord,
  RepoRecord,
  State,
  TeamRecord,
  UserRecord,
} from "./state";

// GitHub logins and repository names are case-insensitive.
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export function findUser(state: State, login: string): UserRecord | undefined {
  return state.users.find((u) => same(u.login, login));
}

export function userById(state: State, id: number): UserRecord | undefined {
  return state.users.find((u) => u.id === id);
}

export function findAccount(state: State, login: string): Account | undefined {
  const user = findUser(state, login);
  if (user) return user;
  const org = findOrg(state, login);
  return org && { ...org, type: "Organization" };
}

export function accountById(state: State, id: number): Account | undefined {
  const user = userById(state, id);
  if (user) return user;
  const org = state.orgs.find((o) => o.id === id);
  return org && { ...org, type: "Organization" };
}

export function findOrg(state: State, login: string): OrgRecord | undefined {
  return state.orgs.find((o) => same(o.login, login));
}

export function findTeam(org: OrgRecord, slug: string): TeamRecord | undefined {
  return org.teams.find((t) => same(t.slug, slug));
}

export function findRepo(state: State, owner: string, name: string): RepoRecord | undefined {
  const account = findAccount(state, owner);
  if (!account) return undefined;
  return state.repos.find((r) => r.ownerId === account.id && same(r.name, name));
}

export function repoOwner(state: State, repo: RepoRecord): Account {
  const owner = accountById(state, repo.ownerId);
  if (!owner) throw new Error(`Repository ${repo.id} has no owner`);
  return owner;
}

export function repoOrg(state: State, repo: RepoRecord): OrgRecord | undefined {
  return state.orgs.find((o) => o.id === repo.ownerId);
}

export function fullName(state: State, repo: RepoRecord): string {
  return `${repoOwner(state, repo).login}/${repo.name}`;
}

export function orgMembership(org: OrgRecord, userId: number) {
  return org.members.find((m) => m.userId === userId);
}

/** What a user may do on a repository: owner, org role, base role and direct grant combined. */
export function effectiveRole(state: State, repo: RepoRecord, userId: number): RepoRole | null {
  if (repo.ownerId === userId) return "admin";
  let role: RepoRole | null = null;
  const org = repoOrg(state, repo);
  const membership = org && orgMembership(org, userId);
  if (org && membership) {
    role = membership.role === "admin" ? "admin" : baseRoleAsRepoRole(org.baseRole);
  }
  const direct = repo.collaborators.find((c) => c.userId === userId);
  return higherRole(role, direct?.role ?? null);
}

/** Repository and organization invitations both expire 7 days after they were sent. */
export function isExpired(invitation: { createdAt: number }, now: number): boolean {
  return now >= invitation.createdAt + INVITATION_LIFETIME_MS;
}

/** The `role_name` GitHub shows: a custom role's name when that is what decides the access. */
export function effectiveRoleName(state: State, repo: RepoRecord, userId: number): string | null {
  const role = effectiveRole(state, repo, userId);
  const direct = repo.collaborators.find((c) => c.userId === userId);
  if (role !== null && direct?.customRole && direct.role === role) return direct.customRole;
  return role && roleName(role);
}

export function findInstallation(
  state: State,
  id: number,
): { app: AppRecord; installation: InstallationRecord } | undefined {
  for (const app of state.apps) {
    const installation = app.installations.find((i) => i.id === id);
    if (installation) return { app, installation };
  }
  return undefined;
}

/** An App's installation on an account, if it has one. */
export function installationOn(app: AppRecord, accountId: number): InstallationRecord | undefined {
  return app.installations.find((i) => i.accountId === accountId);
}

/** Whether an App installation may act on a repository: its account's, and selected if so. */
export function installationCovers(installation: InstallationRecord, repo: RepoRecord): boolean {
  if (repo.ownerId !== installation.accountId) return false;
  return installation.repositorySelection === "all" || installation.repositoryIds.includes(repo.id);
}

/** Everyone with access, the way `affiliation=all` lists them: owners and admins first. */
export function collaboratorsOf(
  state: State,
  repo: RepoRecord,
  affiliation: "all" | "direct" | "outside",
): Array<{ user: UserRecord; role: RepoRole; roleName: string }> {
  const roles = new Map<number, RepoRole | null>();
  const org = repoOrg(state, repo);
  if (affiliation === "all") {
    if (!org) roles.set(repo.ownerId, "admin");
    for (const member of org?.members ?? []) {
      roles.set(member.userId, effectiveRole(state, repo, member.userId));
    }
  }
  for (const collaborator of repo.collaborators) {
    const isMember = org !== undefined && orgMembership(org, collaborator.userId) !== undefined;
    if (affiliation === "outside" && isMember) continue;
    roles.set(collaborator.userId, effectiveRole(state, repo, collaborator.userId));
  }
  const result: Array<{ user: UserRecord; role: RepoRole; roleName: string }> = [];
  for (const [userId, role] of roles) {
    const user = userById(state, userId);
    const name = effectiveRoleName(state, repo, userId);
    if (user && role && name) result.push({ user, role, roleName: name });
  }
  return result;
}
