import type { GrantStatus } from "../db/schema";
import { describeGrantStatus, type Audience, type StatusTone } from "./describe-grant-status";

/**
 * The badge words of a bare status, for lists that carry no more than the status (the orders
 * table, the overview's counts). Taken from the one words table, as a grant with no error.
 */
export function statusLabel(
  status: GrantStatus,
  audience: Audience = "merchant",
): { tone: StatusTone; label: string } {
  const { tone, label } = describeGrantStatus(
    {
      status,
      kind: "github_repo",
      owner: null,
      repo: null,
      permission: null,
      org: null,
      teamSlug: null,
      teamRole: null,
      githubLogin: null,
      expiresAt: null,
      nextAttemptAt: null,
      revokeRequestedAt: null,
      revokeReason: null,
      lastError: null,
    },
    audience,
  );
  return { tone, label };
}
