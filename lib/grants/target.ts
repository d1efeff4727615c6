import type { InstallationTarget } from "../github";
import type { Grant } from "./grant";
import type { AccessTarget } from "./same-target";

/** Whose credentials act for a grant: its repository, or the organization of its team. */
export function grantTarget(grant: Grant): InstallationTarget {
  return grant.kind === "github_team"
    ? { org: grant.org! }
    : { owner: grant.owner!, repo: grant.repo! };
}

/** The repository or team a grant's snapshot gives access to. */
export function accessTargetOf(grant: Grant): AccessTarget {
  return grant.kind === "github_team"
    ? { org: grant.org!, teamSlug: grant.teamSlug! }
    : { owner: grant.owner!, repo: grant.repo! };
}

/** The team membership a team grant is about. */
export function teamMember(grant: Grant) {
  return { org: grant.org!, teamSlug: grant.teamSlug!, username: grant.githubLogin! };
}
