// A grant's timeline in words for the merchant's order page: what we did, what GitHub answered
// (its HTTP status and request id, for a support ticket), and the explanation.
import { GITHUB_ERROR_CODES } from "../github/error-codes";

export interface GrantEventLike {
  kind: string;
  githubStatus: number | null;
  requestId: string | null;
  detail: Record<string, unknown>;
}

export interface GrantEventWords {
  title: string;
  /** GitHub's answer: "GitHub answered 201 (request 04E1:…)"; absent for our own steps. */
  github?: string;
  /** Why, in the error-code table's words, or the detail that matters. */
  explanation?: string;
}

const TITLES: Record<string, string> = {
  created: "Order paid: access to give",
  queued: "Queued to be sent",
  invite: "Invitation requested on GitHub",
  invited: "Invitation sent",
  active: "Access confirmed on GitHub",
  accepted: "Invitation accepted",
  expired: "Invitation expired",
  declined: "Invitation declined",
  quota_wait: "Waiting for GitHub's daily invitation limit",
  retry_scheduled: "GitHub call failed; retry scheduled",
  retry_requested: "Retry requested by the merchant",
  resend_requested: "New invitation requested",
  failed: "Gave up",
  revoke_requested: "Removal of access requested",
  revoked: "Access removed",
  renamed: "Buyer renamed their GitHub account",
  github_call: "GitHub call",
  resolve_login: "Looked up the buyer's GitHub login",
  add_team_member: "Team membership requested on GitHub",
  cancel_invitation: "Old invitation deleted on GitHub",
  update_invitation: "Open invitation set to the role paid for",
  find_invitation: "Looked for an open invitation on GitHub",
  check_collaborator: "Checked collaborator access on GitHub",
  check_team_membership: "Checked team membership on GitHub",
  check_org_membership: "Checked organization membership on GitHub",
  "revoke:org_member_removed": "Removed from the organization our invitation brought them into",
  audit_removed: "Access audit: left-over access removed on GitHub",
  audit_settled: "Access audit: grant settled from GitHub's state",
  check_org_member: "Checked organization membership on GitHub",
  org_invite: "Organization invitation sent on GitHub",
};

const text = (value: unknown) => (typeof value === "string" && value ? value : undefined);

function explain(detail: Record<string, unknown>): string | undefined {
  const code = text(detail.code);
  if (code && code in GITHUB_ERROR_CODES) {
    return GITHUB_ERROR_CODES[code as keyof typeof GITHUB_ERROR_CODES].message;
  }
  const parts = [
    text(detail.message),
    text(detail.githubMessage) && `GitHub said: “${text(detail.githubMessage)}”`,
    text(detail.reason) && `Reason: ${text(detail.reason)}`,
    text(detail.from) && text(detail.to) && `@${text(detail.from)} is now @${text(detail.to)}`,
    text(detail.via) === "github_webhook" && "Reported by GitHub's webhook",
    text(detail.via) === "sync" && "Found by the periodic check of GitHub",
    text(detail.via) === "audit" && "Found by the access audit",
    detail.sending === true &&
      "Sent to GitHub; no answer recorded yet (still under way, or the server stopped before it could record one)",
    text(detail.by) &&
      `Requested by the ${text(detail.by) === "auto" ? "engine" : text(detail.by)}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(". ") : undefined;
}

export function describeGrantEvent(event: GrantEventLike): GrantEventWords {
  const title = TITLES[event.kind] ?? event.kind.replaceAll("_", " ");
  const request = text(event.detail.request);
  const github =
    event.githubStatus !== null
      ? `${request ? `${request}: ` : ""}GitHub answered ${event.githubStatus}${
          event.requestId ? ` (request ${event.requestId})` : ""
        }`
      : undefined;
  return { title, github, explanation: explain(event.detail) };
}
