import type { Database } from "../db/types";
import { githubError, type GithubError, type GithubResult } from "../github";
import {
  isBasePermission,
  leavesOrganization,
  permissionRank,
  recordGithubCalls,
  strongestOtherPaidGrant,
  teamMember,
  type Grant,
} from "../grants";
import type { FulfillmentGithub } from "./github-port";
import { findRepoAccess } from "./repo-access";

export type RevocationOutcome =
  | "kept"
  | "lowered"
  | "invitation_cancelled"
  | "collaborator_removed"
  | "team_member_removed"
  | "org_member_removed"
  | "nothing_on_github";

export type Plan = {
  outcome: RevocationOutcome;
  detail?: Record<string, unknown>;
  /** The GitHub calls that take the access away (or lower it), in order. */
  calls: Array<() => Promise<GithubResult<unknown>>>;
  /** Asks GitHub again after the calls: null when the access is really gone. */
  confirm?: () => Promise<GithubError | null>;
};

type Planned = { ok: true; plan: Plan } | { ok: false; error: GithubError };

const roleAsPermission = (role: string) =>
  role === "read" ? "pull" : role === "write" ? "push" : role;

/**
 * What revoking a repository grant means, decided from what GitHub holds for the account now —
 * found by its id, with its invitations listed rather than trusted from a stored id — and from
 * what other paid orders of the same account still pay for. "Nothing on GitHub" is concluded
 * only from GitHub saying so.
 */
async function planRepoRevocation(
  db: Database,
  github: FulfillmentGithub,
  grant: Grant,
  clock: () => Date,
): Promise<Planned> {
  const found = await findRepoAccess(db, github, grant, clock);
  if (!found.ok) return found;
  const access = found.access;
  const holds = access && (access.collaborator.isCollaborator || access.invitations.length > 0);
  if (!access || !holds) return { ok: true, plan: { outcome: "nothing_on_github", calls: [] } };
  const repo = { owner: grant.owner!, repo: grant.repo! };
  const username = access.login;

  const kept = await strongestOtherPaidGrant(db, grant);
  if (kept) {
    const to = kept.permission;
    const above = (permission: string | null) =>
      isBasePermission(permission) &&
      isBasePermission(to) &&
      permissionRank(permission) > permissionRank(to);
    if (!isBasePermission(to) || !above(grant.permission)) {
      return { ok: true, plan: { outcome: "kept", detail: { keptBy: kept.id }, calls: [] } };
    }
    const calls: Plan["calls"] = [];
    const { collaborator } = access;
    if (collaborator.isCollaborator && above(roleAsPermission(collaborator.roleName))) {
      // On an org repo, a PUT for an existing collaborator changes the role (204).
      calls.push(() => github.invite({ ...repo, username, permission: to }));
    }
    for (const invitation of access.invitations.filter((i) => !i.expired && above(i.permission))) {
      calls.push(() =>
        github.updateInvitationPermission({ ...repo, invitationId: invitation.id, permission: to }),
      );
    }
    return { ok: true, plan: { outcome: "lowered", detail: { to, keptBy: kept.id }, calls } };
  }

  const calls: Plan["calls"] = access.invitations.map(
    (invitation) => () => github.cancelInvitation({ ...repo, invitationId: invitation.id }),
  );
  if (access.collaborator.isCollaborator) {
    calls.push(() => github.removeCollaborator({ ...repo, username }));
  }
  return {
    ok: true,
    plan: {
      outcome: access.collaborator.isCollaborator ? "collaborator_removed" : "invitation_cancelled",
      detail: { invitations: access.invitations.map((i) => i.id) },
      calls,
      confirm: async () => {
        const after = await findRepoAccess(db, github, grant, clock);
        if (!after.ok) return after.error;
        // An invitation GitHub still lists is one the buyer could still accept.
        if (after.access && after.access.invitations.length > 0) {
          return githubError("github_unavailable", {
            githubMessage: "the invitation is still listed after it was deleted",
          });
        }
        return null;
      },
    },
  };
}

/**
 * A team membership (active or pending, as GitHub reports it now) goes unless another paid
 * order keeps it; a maintainer whose remaining order pays for a plain membership becomes a
 * member. The organization membership our own invitation created goes with it when nothing
 * else paid for needs that organization: its base role would otherwise keep giving access to
 * every repository there.
 */
async function planTeamRevocation(
  db: Database,
  github: FulfillmentGithub,
  grant: Grant,
  clock: () => Date,
): Promise<Planned> {
  if (!grant.githubLogin) return { ok: true, plan: { outcome: "nothing_on_github", calls: [] } };
  const membership = await github.teamMembership(teamMember(grant));
  await recordGithubCalls(db, grant.id, "check_team_membership", membership, clock());
  if (!membership.ok) return membership;
  const keptBy = membership.value ? await strongestOtherPaidGrant(db, grant) : null;
  if (membership.value && keptBy) {
    if (membership.value.role !== "maintainer" || keptBy.teamRole === "maintainer") {
      return { ok: true, plan: { outcome: "kept", detail: { keptBy: keptBy.id }, calls: [] } };
    }
    return {
      ok: true,
      plan: {
        outcome: "lowered",
        detail: { to: "member", keptBy: keptBy.id },
        calls: [() => github.addTeamMember({ ...teamMember(grant), role: "member" })],
      },
    };
  }
  const calls: Plan["calls"] = [];
  if (membership.value) calls.push(() => github.removeTeamMember(teamMember(grant)));
  const org = { org: grant.org!, username: grant.githubLogin };
  let leftOrganization = false;
  if (await leavesOrganization(db, grant)) {
    const member = await github.isOrgMember(org);
    await recordGithubCalls(db, grant.id, "check_org_membership", member, clock());
    if (!member.ok) return member;
    leftOrganization = member.value;
    if (leftOrganization) calls.push(() => github.removeOrgMember(org));
  }
  if (calls.length === 0) return { ok: true, plan: { outcome: "nothing_on_github", calls } };
  return {
    ok: true,
    plan: {
      outcome: membership.value ? "team_member_removed" : "org_member_removed",
      detail: { leftOrganization },
      calls,
    },
  };
}

export function planRevocation(
  db: Database,
  github: FulfillmentGithub,
  grant: Grant,
  clock: () => Date,
): Promise<Planned> {
  return grant.kind === "github_team"
    ? planTeamRevocation(db, github, grant, clock)
    : planRepoRevocation(db, github, grant, clock);
}
