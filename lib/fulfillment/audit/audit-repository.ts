import type { AuditFinding, AuditTargetResult } from "../../db/schema";
import type { Database } from "../../db/types";
import type { GithubResult, RepoInvitation } from "../../github";
import { recordGithubCalls, recordGithubWrite, settleAccess, type Grant } from "../../grants";
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

type Repo = { owner: string; repo: string };

/**
 * One sold repository: one paged list of its direct collaborators and one of its invitations,
 * then GitHub calls only where GitHub and our grants disagree.
 */
export async function auditRepository(
  db: Database,
  github: FulfillmentGithub,
  repo: Repo,
  clock: () => Date,
): Promise<AuditTargetResult> {
  const result: AuditTargetResult = {
    target: `${repo.owner}/${repo.repo}`,
    kind: "github_repo",
    githubCalls: 0,
    findings: [],
  };
  const count = <T>(answer: GithubResult<T>) => {
    result.githubCalls += answer.calls.length;
    return answer;
  };
  const collaborators = count(await github.listDirectCollaborators(repo));
  if (!collaborators.ok) return { ...result, error: failure(collaborators.error) };
  const invitations = count(await github.listInvitations(repo));
  if (!invitations.ok) return { ...result, error: failure(invitations.error) };
  const grants = await grantsOn(db, repo);

  const listed = new Map<string, ListedAccount>();
  for (const c of collaborators.value) listed.set(c.login.toLowerCase(), c);
  for (const i of invitations.value) {
    if (i.inviteeLogin && !listed.has(i.inviteeLogin.toLowerCase())) {
      listed.set(i.inviteeLogin.toLowerCase(), { id: i.inviteeId, login: i.inviteeLogin });
    }
  }
  const invitationsOf = (account: ListedAccount) =>
    invitations.value.filter((i) =>
      account.id !== null && i.inviteeId !== null
        ? i.inviteeId === account.id
        : i.inviteeLogin?.toLowerCase() === account.login.toLowerCase(),
    );

  // (a) Access or an open invitation whose every grant was taken back.
  for (const account of listed.values()) {
    const theirs = leftOverGrants(grants, account);
    if (theirs.length === 0) continue;
    const open = invitationsOf(account).filter(
      (i) => !i.expired && predatesRevocation(theirs, i.createdAt),
    );
    const collaborator = collaborators.value.some((c) => c.login === account.login);
    if (!collaborator && open.length === 0) continue;
    // Checked again just before acting: a purchase may have come in since the grants were read.
    if (leftOverGrants(await grantsOn(db, repo), account).length === 0) continue;
    result.findings.push(
      await removeLeftOver(db, github, repo, account, theirs, open, collaborator, clock, count),
    );
  }

  // (b) Grants we think active or invited that GitHub no longer has; an accepted invitation.
  const settled = new Set<number>();
  for (const grant of grants) {
    if (grant.revokeRequestedAt !== null || !["active", "invited"].includes(grant.status)) continue;
    if (settled.has(grant.id)) continue;
    const collaborator = collaborators.value.find((c) => isFor(grant, c));
    if (collaborator && grant.status === "active") continue;
    let finding: AuditFinding | null;
    if (collaborator) {
      const changed = await settleAccess(
        db,
        { target: repo, account: collaborator, hasAccess: true, via: "audit" },
        clock(),
      );
      finding = {
        login: collaborator.login,
        finding: "accepted",
        action: "settled",
        grantIds: changed,
      };
    } else {
      const invitationListed = invitations.value.some((i) =>
        isFor(grant, { id: i.inviteeId, login: i.inviteeLogin ?? "" }),
      );
      if (grant.status === "invited" && invitationListed) continue;
      finding = await settleGone(db, github, repo, grant, invitationListed, clock, count);
    }
    finding.grantIds.forEach((id) => settled.add(id));
    if (finding.grantIds.length > 0 || finding.action === "failed") result.findings.push(finding);
  }
  return result;
}

async function removeLeftOver(
  db: Database,
  github: FulfillmentGithub,
  repo: Repo,
  account: ListedAccount,
  theirs: Grant[],
  open: RepoInvitation[],
  collaborator: boolean,
  clock: () => Date,
  count: <T>(answer: GithubResult<T>) => GithubResult<T>,
): Promise<AuditFinding> {
  const carrier = latest(theirs);
  const finding: AuditFinding = {
    login: account.login,
    finding: "left_over",
    action: "removed",
    grantIds: theirs.map((g) => g.id),
    removed: [],
  };
  const steps: Array<[string, () => Promise<GithubResult<unknown>>]> = open.map((i) => [
    "invitation",
    () => github.cancelInvitation({ ...repo, invitationId: i.id }),
  ]);
  if (collaborator) {
    steps.push([
      "collaborator",
      () => github.removeCollaborator({ ...repo, username: account.login }),
    ]);
  }
  for (const [what, call] of steps) {
    // Written before the call: a pass killed after GitHub's answer still leaves the trace.
    const answer = count(await recordGithubWrite(db, carrier.id, "audit_removed", clock, call));
    if (!answer.ok) return { ...finding, action: "failed", error: answer.error.message };
    finding.removed!.push(what);
  }
  return finding;
}

/**
 * Not in the direct list: asked once more for this account, since access through the
 * organization or a team is not listed there, then settled from GitHub's answer.
 */
async function settleGone(
  db: Database,
  github: FulfillmentGithub,
  repo: Repo,
  grant: Grant,
  invitationListed: boolean,
  clock: () => Date,
  count: <T>(answer: GithubResult<T>) => GithubResult<T>,
): Promise<AuditFinding> {
  const login = grant.githubLogin!;
  const finding: AuditFinding = { login, finding: "gone", action: "settled", grantIds: [] };
  const access = count(await github.collaboratorAccess({ ...repo, username: login }));
  await recordGithubCalls(db, grant.id, "check_collaborator", access, clock());
  if (!access.ok) return { ...finding, action: "failed", error: access.error.message };
  // Access through the organization or a team: GitHub still gives what the grant says.
  if (access.value.isCollaborator) return finding;
  const account = { id: grant.githubUserId ?? -1, login };
  const changed = await settleAccess(
    db,
    { target: repo, account, hasAccess: false, via: "audit", invitationListed },
    clock(),
  );
  return { ...finding, grantIds: changed };
}
