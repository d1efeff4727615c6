import { baseRoleAsRepoRole, higherRole, type RepoRole } from "./roles";
import type { Account, InvitationRecord, OrgRecord, RepoRecord, State, UserRecord } from "./state";

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
  if (user) return { ...user, type: "User" };
  const org = state.orgs.find((o) => same(o.login, login));
  return org && { ...org, type: "Organization" };
}

export function accountById(state: State, id: number): Account | undefined {
  const user = userById(state, id);
  if (user) return { ...user, type: "User" };
  const org = state.orgs.find((o) => o.id === id);
  return org && { ...org, type: "Organization" };
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

export function canSee(state: State, repo: RepoRecord, userId: number | undefined): boolean {
  if (!repo.private) return true;
  return userId !== undefined && effectiveRole(state, repo, userId) !== null;
}

export function isExpired(invitation: InvitationRecord, now: number): boolean {
  return now >= invitation.createdAt + INVITATION_LIFETIME_MS;
}

/** Everyone with access, the way `affiliation=all` lists them: owners and admins first. */
export function collaboratorsOf(
  state: State,
  repo: RepoRecord,
  affiliation: "all" | "direct" | "outside",
): Array<{ user: UserRecord; role: RepoRole }> {
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
  const result: Array<{ user: UserRecord; role: RepoRole }> = [];
  for (const [userId, role] of roles) {
    const user = userById(state, userId);
    if (user && role) result.push({ user, role });
  }
  return result;
}
