import { HTML_BASE, nodeId, simpleUser, timestamp } from "./serialize-account";
import type { OrgInvitationRecord, OrgRecord, State, TeamRecord, UserRecord } from "./state";
import { accountById } from "./world";

// Bodies follow GitHub's `organization-simple`, `team-full`, `team-membership`,
// `org-membership` and `organization-invitation` schemas.

export function organizationSimple(org: OrgRecord, api: string) {
  const url = `${api}/orgs/${org.login}`;
  return {
    login: org.login,
    id: org.id,
    node_id: nodeId("Organization", org.id),
    url,
    repos_url: `${url}/repos`,
    events_url: `${url}/events`,
    hooks_url: `${url}/hooks`,
    issues_url: `${url}/issues`,
    members_url: `${url}/members{/member}`,
    public_members_url: `${url}/public_members{/member}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${org.id}?v=4`,
    description: null,
  };
}

function teamOrganization(state: State, org: OrgRecord, api: string) {
  const created = timestamp(org.createdAt);
  return {
    ...organizationSimple(org, api),
    name: org.name,
    html_url: `${HTML_BASE}/${org.login}`,
    has_organization_projects: true,
    has_repository_projects: true,
    public_repos: state.repos.filter((r) => r.ownerId === org.id && !r.private).length,
    public_gists: 0,
    followers: 0,
    following: 0,
    type: "Organization",
    created_at: created,
    updated_at: created,
    archived_at: null,
  };
}

/** The team as webhooks describe it. */
export function teamSimple(org: OrgRecord, team: TeamRecord, api: string) {
  const url = `${api}/organizations/${org.id}/team/${team.id}`;
  return {
    id: team.id,
    node_id: nodeId("Team", team.id),
    url,
    html_url: `${HTML_BASE}/orgs/${org.login}/teams/${team.slug}`,
    name: team.name,
    slug: team.slug,
    description: team.description,
    privacy: team.privacy,
    notification_setting: "notifications_enabled",
    permission: "pull",
    members_url: `${url}/members{/member}`,
    repositories_url: `${url}/repos`,
    parent: null,
  };
}

/**
 * GET /orgs/{org}. Only an owner (or the org's App) sees the settings, among them the base role
 * every member holds on every repository (`default_repository_permission`); others get the
 * public fields.
 */
export function organizationFull(state: State, org: OrgRecord, api: string, owner: boolean) {
  const base = teamOrganization(state, org, api);
  if (!owner) return base;
  const privateRepos = state.repos.filter((r) => r.ownerId === org.id && r.private).length;
  return {
    ...base,
    total_private_repos: privateRepos,
    owned_private_repos: privateRepos,
    default_repository_permission: org.baseRole,
    members_can_create_repositories: true,
    // Owners see the plan; on every plan but "free", outside collaborators take paid seats.
    plan: {
      name: org.plan,
      space: 976562499,
      private_repos: 999999,
      filled_seats: org.members.length,
      seats: org.plan === "free" ? 0 : org.members.length + 5,
    },
    two_factor_requirement_enabled: false,
  };
}

export function teamFull(state: State, org: OrgRecord, team: TeamRecord, api: string) {
  const created = timestamp(team.createdAt);
  return {
    ...teamSimple(org, team, api),
    members_count: team.members.length,
    repos_count: 0,
    created_at: created,
    updated_at: created,
    organization: teamOrganization(state, org, api),
    type: "organization",
    organization_id: org.id,
  };
}

export function teamMembership(
  team: TeamRecord,
  user: UserRecord,
  role: "member" | "maintainer",
  state: "active" | "pending",
  api: string,
) {
  return { url: `${api}/teams/${team.id}/memberships/${user.login}`, role, state };
}

export function orgMembership(
  org: OrgRecord,
  user: UserRecord,
  role: "admin" | "member",
  state: "active" | "pending",
  api: string,
) {
  return {
    url: `${api}/orgs/${org.login}/memberships/${user.login}`,
    state,
    role,
    organization_url: `${api}/orgs/${org.login}`,
    organization: organizationSimple(org, api),
    user: simpleUser(user, api),
  };
}

/** A `team-member`: the user, with their role on the team (no child teams here). */
export function teamMember(user: UserRecord, role: "member" | "maintainer", api: string) {
  return { ...simpleUser(user, api), role, inherited: false };
}

export function orgInvitation(state: State, record: OrgInvitationRecord, api: string) {
  const invitee = accountById(state, record.inviteeId);
  const inviter = accountById(state, record.inviterId);
  if (!invitee || !inviter) throw new Error(`Organization invitation ${record.id} is dangling`);
  return {
    id: record.id,
    node_id: nodeId("OrganizationInvitation", record.id),
    login: invitee.login,
    email: null,
    role: "direct_member",
    created_at: timestamp(record.createdAt),
    failed_at: null,
    failed_reason: null,
    inviter: simpleUser(inviter, api),
    team_count: record.teams.length,
    invitation_teams_url: `${api}/organizations/${record.orgId}/invitations/${record.id}/teams`,
    invitation_source: "member",
  };
}
