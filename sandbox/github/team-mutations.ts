import type { Core } from "./context";
import { simpleUser } from "./serialize-account";
import { organizationSimple, teamSimple } from "./serialize-org";
import type { OrgInvitationRecord, OrgRecord, State, TeamRecord } from "./state";
import { accountById, isExpired } from "./world";

// Team and organization membership changes that routes and test controls share, with the
// `membership` and `organization` webhooks GitHub sends for them.

type TeamRole = "member" | "maintainer";

export function openOrgInvitation(
  state: State,
  org: OrgRecord,
  userId: number,
  now: number,
): OrgInvitationRecord | undefined {
  return state.orgInvitations.find(
    (i) => i.orgId === org.id && i.inviteeId === userId && !isExpired(i, now),
  );
}

/** Adds an organization member to a team, or changes their role there. */
export function addTeamMember(
  core: Core,
  org: OrgRecord,
  team: TeamRecord,
  userId: number,
  role: TeamRole,
  senderId: number,
): void {
  const existing = team.members.find((m) => m.userId === userId);
  if (existing) {
    existing.role = role;
    return;
  }
  team.members.push({ userId, role });
  sendMembershipEvent(core, "added", org, team, userId, senderId);
}

/**
 * A non-member added to a team is invited to the organization (one open invitation per person,
 * listing every team it will add them to); the team membership stays pending until they accept.
 */
export function inviteToTeam(
  core: Core,
  org: OrgRecord,
  team: TeamRecord,
  userId: number,
  role: TeamRole,
  inviterId: number,
): void {
  const { state } = core;
  const now = core.now();
  const open = openOrgInvitation(state, org, userId, now);
  if (open) {
    open.teams = [...open.teams.filter((t) => t.teamId !== team.id), { teamId: team.id, role }];
    return;
  }
  state.orgInvitations.push({
    id: state.nextOrgInvitationId++,
    orgId: org.id,
    inviteeId: userId,
    inviterId,
    teams: [{ teamId: team.id, role }],
    createdAt: Math.floor(now / 1000) * 1000,
  });
}

/**
 * Ends a team membership, active or pending. An organization invitation left with no team to
 * add the person to is withdrawn with it (GitHub does not document this case).
 */
export function removeTeamMember(
  core: Core,
  org: OrgRecord,
  team: TeamRecord,
  userId: number,
  senderId: number,
): void {
  const { state } = core;
  const before = team.members.length;
  team.members = team.members.filter((m) => m.userId !== userId);
  if (team.members.length < before)
    sendMembershipEvent(core, "removed", org, team, userId, senderId);
  const open = openOrgInvitation(state, org, userId, core.now());
  if (!open?.teams.some((t) => t.teamId === team.id)) return;
  open.teams = open.teams.filter((t) => t.teamId !== team.id);
  if (open.teams.length === 0)
    state.orgInvitations = state.orgInvitations.filter((i) => i !== open);
}

/**
 * DELETE /orgs/{org}/memberships/{username}: an active member leaves the organization and every
 * team in it; an invited person's invitation is cancelled. Returns false when they were neither.
 */
export function removeOrgMember(core: Core, org: OrgRecord, userId: number, senderId: number) {
  const { state } = core;
  const open = openOrgInvitation(state, org, userId, core.now());
  if (open) state.orgInvitations = state.orgInvitations.filter((i) => i !== open);
  if (!org.members.some((m) => m.userId === userId)) return open !== undefined;
  for (const team of org.teams) {
    if (team.members.some((m) => m.userId === userId)) {
      removeTeamMember(core, org, team, userId, senderId);
    }
  }
  org.members = org.members.filter((m) => m.userId !== userId);
  sendMemberEvent(core, "member_removed", org, userId, senderId);
  return true;
}

/** The invitee joins the organization and every team the invitation names. */
export function acceptOrgInvitation(core: Core, invitation: OrgInvitationRecord): boolean {
  const { state } = core;
  const org = state.orgs.find((o) => o.id === invitation.orgId);
  if (!org || isExpired(invitation, core.now())) return false;
  state.orgInvitations = state.orgInvitations.filter((i) => i !== invitation);
  const userId = invitation.inviteeId;
  if (!org.members.some((m) => m.userId === userId)) {
    org.members.push({ userId, role: "member" });
    sendMemberEvent(core, "member_added", org, userId, userId);
  }
  for (const { teamId, role } of invitation.teams) {
    const team = org.teams.find((t) => t.id === teamId);
    if (team) addTeamMember(core, org, team, userId, role, userId);
  }
  return true;
}

function sendMembershipEvent(
  core: Core,
  action: "added" | "removed",
  org: OrgRecord,
  team: TeamRecord,
  memberId: number,
  senderId: number,
): void {
  const api = core.apiBase();
  const member = accountById(core.state, memberId);
  const sender = accountById(core.state, senderId);
  if (!member || !sender) return;
  core.webhooks.send("membership", {
    action,
    scope: "team",
    member: simpleUser(member, api),
    sender: simpleUser(sender, api),
    team: teamSimple(org, team, api),
    organization: organizationSimple(org, api),
  });
}

function sendMemberEvent(
  core: Core,
  action: "member_added" | "member_removed",
  org: OrgRecord,
  userId: number,
  senderId: number,
): void {
  const api = core.apiBase();
  const user = accountById(core.state, userId);
  const sender = accountById(core.state, senderId);
  if (!user || !sender) return;
  core.webhooks.send("organization", {
    action,
    membership: {
      url: `${api}/orgs/${org.login}/memberships/${user.login}`,
      state: "active",
      role: "member",
      organization_url: `${api}/orgs/${org.login}`,
      user: simpleUser(user, api),
    },
    organization: organizationSimple(org, api),
    sender: simpleUser(sender, api),
  });
}
