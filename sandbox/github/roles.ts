// GitHub names one repository role three ways: the PUT `permission` (pull/push), the invitation's
// `permissions` and `role_name` (read/write), and the legacy `/permission` answer, which folds
// maintain into write and triage into read.
export const REPO_ROLES = ["pull", "triage", "push", "maintain", "admin"] as const;
export type RepoRole = (typeof REPO_ROLES)[number];

/** An organization's base permission for its members ("none" gives no access). */
export const BASE_ROLES = ["none", "read", "write", "admin"] as const;
export type BaseRole = (typeof BASE_ROLES)[number];

export type InvitationPermission = "read" | "triage" | "write" | "maintain" | "admin";

const RANK: Record<RepoRole, number> = { pull: 1, triage: 2, push: 3, maintain: 4, admin: 5 };

export function isRepoRole(value: unknown): value is RepoRole {
  return typeof value === "string" && (REPO_ROLES as readonly string[]).includes(value);
}

export function roleRank(role: RepoRole | null): number {
  return role === null ? 0 : RANK[role];
}

export function higherRole(a: RepoRole | null, b: RepoRole | null): RepoRole | null {
  return roleRank(a) >= roleRank(b) ? a : b;
}

export function baseRoleAsRepoRole(base: BaseRole): RepoRole | null {
  if (base === "none") return null;
  return base === "read" ? "pull" : base === "write" ? "push" : "admin";
}

/** The invitation `permissions` value and the collaborator `role_name` for a role. */
export function roleName(role: RepoRole): InvitationPermission {
  return role === "pull" ? "read" : role === "push" ? "write" : role;
}

export function roleFromInvitationPermission(permission: string): RepoRole | null {
  const role = permission === "read" ? "pull" : permission === "write" ? "push" : permission;
  return isRepoRole(role) ? role : null;
}

export function legacyPermission(role: RepoRole | null): "admin" | "write" | "read" | "none" {
  if (role === null) return "none";
  if (role === "admin") return "admin";
  return roleRank(role) >= RANK.push ? "write" : "read";
}

export function permissionFlags(role: RepoRole | null) {
  const rank = roleRank(role);
  return {
    admin: rank >= RANK.admin,
    maintain: rank >= RANK.maintain,
    push: rank >= RANK.push,
    triage: rank >= RANK.triage,
    pull: rank >= RANK.pull,
  };
}

/** What a custom repository role can be based on, in GitHub's words (`base_role`). */
export const CUSTOM_ROLE_BASES = ["read", "triage", "write", "maintain"] as const;
