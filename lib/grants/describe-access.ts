// What a grant or an entitlement gives, in the words a buyer reads on the product page and on
// their purchases ("read access to the private repository acme/toolkit"), plus the GitHub pages
// that belong to it. Pure, so storefront, purchases and dashboard all say the same thing.

export type AccessTarget =
  | { kind: "github_repo"; owner: string; repo: string; permission: string }
  | { kind: "github_team"; org: string; teamSlug: string; teamRole: string };

/** Loosely typed rows (grants, entitlements) as the database returns them. */
export interface AccessRow {
  kind: string;
  owner: string | null;
  repo: string | null;
  permission: string | null;
  org: string | null;
  teamSlug: string | null;
  teamRole: string | null;
}

const GITHUB_WEB = "https://github.com";

// GitHub's own names for the base roles (Settings → Collaborators shows Read, Triage, Write…).
const BASE_ROLE_WORDS: Record<string, string> = {
  pull: "read access",
  triage: "triage access",
  push: "write access",
  maintain: "maintain access",
  admin: "admin access",
};

export function accessTarget(row: AccessRow): AccessTarget {
  if (row.kind === "github_team") {
    return {
      kind: "github_team",
      org: row.org ?? "",
      teamSlug: row.teamSlug ?? "",
      teamRole: row.teamRole ?? "member",
    };
  }
  return {
    kind: "github_repo",
    owner: row.owner ?? "",
    repo: row.repo ?? "",
    permission: row.permission ?? "pull",
  };
}

/** "acme/toolkit" or "acme/toolkit-users": how the target is named everywhere. */
export function targetName(target: AccessTarget): string {
  return target.kind === "github_repo"
    ? `${target.owner}/${target.repo}`
    : `${target.org}/${target.teamSlug}`;
}

/** "read access to the private repository acme/toolkit", "membership of the team acme/x". */
export function describeAccess(target: AccessTarget): string {
  if (target.kind === "github_team") {
    const role = target.teamRole === "maintainer" ? "maintainer role in" : "membership of";
    return `${role} the team ${targetName(target)}`;
  }
  const words = BASE_ROLE_WORDS[target.permission] ?? `the “${target.permission}” role on`;
  const joiner = BASE_ROLE_WORDS[target.permission] ? " to" : "";
  return `${words}${joiner} the private repository ${targetName(target)}`;
}

/** Where the target lives on GitHub: the repository, or the team's page. */
export function targetUrl(target: AccessTarget, web = GITHUB_WEB): string {
  return target.kind === "github_repo"
    ? `${web}/${target.owner}/${target.repo}`
    : `${web}/orgs/${target.org}/teams/${target.teamSlug}`;
}

/**
 * Where an open invitation is accepted: a repository's invitations page, or the organization's
 * invitation page for a team (a non-member joins the org and the team in one step).
 */
export function invitationPageUrl(target: AccessTarget, web = GITHUB_WEB): string {
  return target.kind === "github_repo"
    ? `${web}/${target.owner}/${target.repo}/invitations`
    : `${web}/orgs/${target.org}/invitation`;
}

/** GitHub lists every open invitation of the signed-in account here too. */
export function notificationsUrl(web = GITHUB_WEB): string {
  return `${web}/notifications`;
}
