import { REPO_PERMISSIONS, type RepoPermission } from "../github/permissions";

/** pull < triage < push < maintain < admin. A custom role ranks with its name unknown: -1. */
export function permissionRank(permission: string | null): number {
  return REPO_PERMISSIONS.indexOf(permission as RepoPermission);
}

export function isBasePermission(permission: string | null): permission is RepoPermission {
  return permissionRank(permission) >= 0;
}
