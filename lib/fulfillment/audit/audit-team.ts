import type { AuditFinding, AuditTargetResult } from "../../db/schema";
import type { Database } from "../../db/types";
import type { GithubResult, ListedOrgInvitation } from "../../github";
import { leavesOrganization, recordGithubWrite, settleAccess, type Grant } from "../../grants";
import type { FulfillmentGithub } from "../github-port";
import {
  grantsOn,
  isFor,
  latest,
  leftOverGrants,
  predatesRevocation,
  type ListedAccount,
  failure,
} from "./audit-accounts";

type Team = { org: string; teamSlug: string };
type Count = <T>(answer: GithubResult<T>) => GithubResult<T>;

/**
 * One sold team: one paged list of its members and one of the organization's open invitations
 * (a pending team membership is one), then GitHub calls only where GitHub and our grants
 * disagree.
 */
export async function auditTeam(
  db: Database,
  github: FulfillmentGithub,
  team: Team,
  clock: () => Date,
): Promise<AuditTargetResult> {
  const result: AuditTargetResult = {
    target: `${team.org}/${team.teamSlug}`,
    kind: "github_team",
    githubCalls: 0,
    findings: [],
  };
  const count: Count = (answer) => {
    result.githubCalls += answer.calls.length;
    return answer;
  };
  const members = count(await github.listTeamMembers(team));
  if (!members.ok) return { ...result, error: failure(members.error) };
  const listed = count(await github.listOrgInvitations({ org: team.org }));
  // GitHub Enterprise Server lists no organization invitations (404): members only there.
  const invitationsKnown = listed.ok;
  if (!listed.ok && listed.error.status !== 404) return { ...result, error: failure(listed.error) };
  const invitations: ListedOrgInvitation[] = listed.ok ? listed.value : [];
  const grants = await grantsOn(db, team);
  const invited = (account: ListedAccount) =>
    invitations.filter((i) => i.login?.toLowerCase() === account.login.toLowerCase());

  // (a) A membership or an open invitation whose every grant was taken back.
  const accounts = new Map<string, ListedAccount>();
  for (const m of members.value) accounts.set(m.login.toLowerCase(), m);
  for (const i of invitations) {
    if (i.login)
      accounts.set(
        i.login.toLowerCase(),
        accounts.get(i.login.toLowerCase()) ?? { id: null, login: i.login },
      );
  }
  for (const account of accounts.values()) {
    const theirs = leftOverGrants(grants, account);
    if (theirs.length === 0) continue;
    const member = members.value.some((m) => m.login === account.login);
    const ours = invited(account).some((i) => predatesRevocation(theirs, i.createdAt));
    if (!member && !ours) continue;
    if (leftOverGrants(await grantsOn(db, team), account).length === 0) continue;
    result.findings.push(await removeLeftOver(db, github, team, account, theirs, clock, count));
  }

  // (b) Grants we think active or invited that GitHub no longer has; an accepted invitation.
  for (const grant of grants) {
    if (grant.revokeRequestedAt !== null || !["active", "invited"].includes(grant.status)) continue;
    const member = members.value.find((m) => isFor(grant, m));
    if (member && grant.status === "active") continue;
    const pending = invited({ id: null, login: grant.githubLogin! }).length > 0;
    if (!member && grant.status === "invited" && (pending || !invitationsKnown)) continue;
    const account = member ?? { id: grant.githubUserId ?? -1, login: grant.githubLogin! };
    const changed = await settleAccess(
      db,
      { target: team, account, hasAccess: !!member, via: "audit", invitationListed: pending },
      clock(),
    );
    if (changed.length === 0) continue;
    result.findings.push({
      login: account.login,
      finding: member ? "accepted" : "gone",
      action: "settled",
      grantIds: changed,
    });
  }
  return result;
}

/** Out of the team, and out of the organization when our invitation is what put them there. */
async function removeLeftOver(
  db: Database,
  github: FulfillmentGithub,
  team: Team,
  account: ListedAccount,
  theirs: Grant[],
  clock: () => Date,
  count: Count,
): Promise<AuditFinding> {
  const carrier = latest(theirs);
  const finding: AuditFinding = {
    login: account.login,
    finding: "left_over",
    action: "removed",
    grantIds: theirs.map((g) => g.id),
    removed: [],
  };
  const username = account.login;
  // Each removal is written before it is sent: a pass killed after GitHub's answer leaves the trace.
  const removed = count(
    await recordGithubWrite(db, carrier.id, "audit_removed", clock, () =>
      github.removeTeamMember({ ...team, username }),
    ),
  );
  if (!removed.ok) return { ...finding, action: "failed", error: removed.error.message };
  finding.removed!.push("team_member");
  if (!(await leavesOrganization(db, carrier))) return finding;
  const left = count(
    await recordGithubWrite(db, carrier.id, "audit_removed", clock, () =>
      github.removeOrgMember({ org: team.org, username }),
    ),
  );
  if (!left.ok) return { ...finding, action: "failed", error: left.error.message };
  if (left.value.status === "removed") finding.removed!.push("org_member");
  return finding;
}
