// The PUT …/collaborators vocabulary (pull/push) differs from the invitation's (read/write).

export const REPO_PERMISSIONS = ["pull", "triage", "push", "maintain", "admin"] as const;
export type RepoPermission = (typeof REPO_PERMISSIONS)[number];

export type InvitationPermission = "read" | "triage" | "write" | "maintain" | "admin";

export function toInvitationPermission(permission: RepoPermission): InvitationPermission {
  if (permission === "pull") return "read";
  if (permission === "push") return "write";
  return permission;
}

/** The PUT vocabulary for an invitation's `permissions`, or the value itself when unknown. */
export function fromInvitationPermission(permission: string): string {
  if (permission === "read") return "pull";
  if (permission === "write") return "push";
  return permission;
}
