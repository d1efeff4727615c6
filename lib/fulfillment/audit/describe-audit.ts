import type { AuditFinding, AuditTargetResult } from "../../db/schema";
import type { AccessAudit } from "./run-access-audit";

// The access audit in the merchant's words, for the dashboard and the action's toast.

const WHAT: Record<string, string> = {
  collaborator: "collaborator access",
  invitation: "open invitation",
  team_member: "team membership",
  org_member: "organization membership",
};

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export function describeFinding(finding: AuditFinding): string {
  const who = `@${finding.login}`;
  if (finding.action === "failed") {
    return `Could not fix ${who}'s access: ${finding.error ?? "GitHub did not answer"}. The next audit tries again.`;
  }
  if (finding.finding === "left_over") {
    const removed = list((finding.removed ?? []).map((r) => WHAT[r] ?? r));
    return `Removed ${who}'s left-over ${removed}: every order that paid for it was refunded or revoked.`;
  }
  if (finding.finding === "accepted") {
    return `${who} had accepted the invitation on GitHub: the access is now shown as active.`;
  }
  return `${who} no longer has the access or invitation on GitHub (removed or declined there): the purchase now says so.`;
}

export function describeTarget(target: AuditTargetResult): string {
  if (target.error) {
    return `Could not be read from GitHub (${target.error.message}). Nothing was changed there; the next audit tries again.`;
  }
  if (target.findings.length === 0) return "Matches GitHub: nothing to fix.";
  return plural(target.findings.length, "finding", "findings") + ":";
}

/** One sentence for the whole run: what was removed and settled, and where it failed. */
export function summarizeAudit(audit: AccessAudit): string {
  const targets = plural(audit.targets.length, "repository or team", "repositories and teams");
  if (audit.targets.length === 0) {
    return "Nothing sold has reached GitHub yet, so there was nothing to check.";
  }
  const parts = [
    audit.removed > 0 &&
      `removed ${plural(audit.removed, "left-over access", "left-over accesses")}`,
    audit.settled > 0 &&
      `corrected ${plural(audit.settled, "purchase", "purchases")} to match GitHub`,
  ].filter(Boolean);
  const done = parts.length > 0 ? `: ${list(parts as string[])}` : ": everything matches GitHub";
  const failed =
    audit.failedTargets > 0
      ? ` ${plural(audit.failedTargets, "target", "targets")} could not be fixed; the next audit tries again.`
      : "";
  return `Checked ${targets} with ${plural(audit.githubCalls, "GitHub request", "GitHub requests")}${done}.${failed}`;
}
