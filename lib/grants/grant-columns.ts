import { grants } from "../db/schema";

// The columns the words table reads, named once so that every page that shows a grant's state
// selects the same ones (see describe-grant-status.ts).

/** A grant's snapshot of what it gives, as `AccessRow` reads it. */
export const grantAccessColumns = {
  kind: grants.kind,
  owner: grants.owner,
  repo: grants.repo,
  permission: grants.permission,
  org: grants.org,
  teamSlug: grants.teamSlug,
  teamRole: grants.teamRole,
};

/** Everything `describeGrantStatus` needs (`DescribableGrant`). */
export const describableGrantColumns = {
  status: grants.status,
  ...grantAccessColumns,
  githubLogin: grants.githubLogin,
  expiresAt: grants.expiresAt,
  nextAttemptAt: grants.nextAttemptAt,
  revokeRequestedAt: grants.revokeRequestedAt,
  revokeReason: grants.revokeReason,
  lastError: grants.lastError,
};
