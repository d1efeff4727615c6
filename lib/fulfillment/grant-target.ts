import type { InstallationTarget } from "../github";
import type { Grant } from "./claim-due-grants";

/** Where a grant gives access: its repository, or the organization of its team. */
export function grantTarget(grant: Grant): InstallationTarget {
  return grant.kind === "github_team"
    ? { org: grant.org! }
    : { owner: grant.owner!, repo: grant.repo! };
}

/** The team membership a team grant is about. */
export function teamMember(grant: Grant) {
  return { org: grant.org!, teamSlug: grant.teamSlug!, username: grant.githubLogin! };
}
