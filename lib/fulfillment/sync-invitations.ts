import { eq } from "drizzle-orm";
import { grants } from "../db/schema";
import type { Database } from "../db/types";
import type { RepoInvitation } from "../github";
import {
  recordGithubCalls,
  resendInvitation,
  teamMember,
  transitionGrant,
  type Grant,
  type GrantChanges,
} from "../grants";
import type { FulfillmentGithub } from "./github-port";

export interface SyncSummary {
  repositories: number;
  githubCalls: number;
  active: number;
  declined: number;
  expired: number;
  resent: number;
}

/**
 * Catches what webhooks miss (or all of it, when no webhook is configured): one paged list of
 * each repository's invitations, and a collaborator check only for grants whose invitation is
 * no longer listed, so GitHub calls grow with repositories, not with grants. A pending team
 * membership is read one by one: GitHub has no listing of a team's pending members.
 */
export async function syncInvitations(
  db: Database,
  github: FulfillmentGithub,
  clock: () => Date,
): Promise<SyncSummary> {
  const summary: SyncSummary = {
    repositories: 0,
    githubCalls: 0,
    active: 0,
    declined: 0,
    expired: 0,
    resent: 0,
  };
  const invited = await db
    .select()
    .from(grants)
    .where(eq(grants.status, "invited"))
    .orderBy(grants.owner, grants.repo, grants.id);
  const byRepo = new Map<string, Grant[]>();
  const count = (change: Change) => {
    summary.githubCalls += change.calls;
    if (change.status) summary[change.status] += 1;
  };
  const resendExpired = async (change: Change, grant: Grant) => {
    if (change.status === "expired" && (await resendInvitation(db, grant.id, "auto", clock()))) {
      summary.resent += 1;
    }
  };
  for (const grant of invited) {
    if (grant.kind === "github_team") {
      const change = await followMembership(db, github, grant, clock);
      count(change);
      await resendExpired(change, grant);
      continue;
    }
    const key = `${grant.owner}/${grant.repo}`.toLowerCase();
    byRepo.set(key, [...(byRepo.get(key) ?? []), grant]);
  }

  for (const repoGrants of byRepo.values()) {
    const { owner, repo } = repoGrants[0]!;
    summary.repositories += 1;
    const listed = await github.listInvitations({ owner: owner!, repo: repo! });
    summary.githubCalls += listed.calls.length;
    // The repository could not be listed (rate limit, outage): try again next cycle.
    if (!listed.ok) continue;
    for (const grant of repoGrants) {
      const invitation = listed.value.find((i) => i.id === grant.invitationId);
      const change = await followInvitation(db, github, grant, invitation, clock);
      count(change);
      await resendExpired(change, grant);
    }
  }
  return summary;
}

type Change = { status?: "active" | "declined" | "expired"; calls: number };

/**
 * A pending membership turns active when the buyer accepts the organization invitation. Gone
 * without joining: the invitation expired (7 days) or was declined.
 */
async function followMembership(
  db: Database,
  github: FulfillmentGithub,
  grant: Grant,
  clock: () => Date,
): Promise<Change> {
  const membership = await github.teamMembership(teamMember(grant));
  await recordGithubCalls(db, grant.id, "check_team_membership", membership, clock());
  const calls = membership.calls.length;
  if (!membership.ok || membership.value?.state === "pending") return { calls };
  if (membership.value?.state === "active") {
    await moveFromInvited(db, grant, "active", clock(), { acceptedAt: clock() });
    return { status: "active", calls };
  }
  const expired = grant.expiresAt !== null && grant.expiresAt <= clock();
  const status = expired ? "expired" : "declined";
  await moveFromInvited(db, grant, status, clock(), {});
  return { status, calls };
}

async function followInvitation(
  db: Database,
  github: FulfillmentGithub,
  grant: Grant,
  invitation: RepoInvitation | undefined,
  clock: () => Date,
): Promise<Change> {
  if (invitation && !invitation.expired) return { calls: 0 };
  if (invitation?.expired) {
    await moveFromInvited(db, grant, "expired", clock(), { expiresAt: invitation.expiresAt });
    return { status: "expired", calls: 0 };
  }
  // Gone from the list: accepted (now a collaborator), or declined or deleted on GitHub.
  const access = await github.collaboratorAccess({
    owner: grant.owner!,
    repo: grant.repo!,
    username: grant.githubLogin!,
  });
  await recordGithubCalls(db, grant.id, "check_collaborator", access, clock());
  if (!access.ok) return { calls: access.calls.length };
  const status = access.value.isCollaborator ? "active" : "declined";
  await moveFromInvited(
    db,
    grant,
    status,
    clock(),
    status === "active" ? { acceptedAt: clock() } : {},
  );
  return { status, calls: access.calls.length };
}

function moveFromInvited(
  db: Database,
  grant: Grant,
  status: "active" | "declined" | "expired",
  now: Date,
  changes: GrantChanges,
) {
  // Only from `invited`: a webhook may have marked the grant active in the meantime.
  return transitionGrant(db, {
    grants: grant.id,
    from: ["invited"],
    set: { ...changes, status },
    event: { kind: status, at: now, detail: { via: "sync" } },
  });
}
