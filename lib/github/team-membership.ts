import "server-only";
import type { GithubClient } from "./client";
import { blameTeamOrUser, teamContext, type TeamTarget } from "./get-team";
import { findOrgInvitation, type OrgInvitation } from "./org-invitations";
import { attempt, requestIdOf, type GithubCall, type GithubResult } from "./result";

export type TeamRole = "member" | "maintainer";

type MemberInput = TeamTarget & { username: string };

export type TeamMembershipOutcome =
  | { state: "active"; role: TeamRole; requestId?: string }
  /**
   * Not an organization member yet: GitHub emailed them an invitation to the organization, and
   * the membership turns active when they accept. `invitation` is null where it cannot be
   * listed (GitHub Enterprise Server, or credentials that may not see it).
   */
  | { state: "pending"; role: TeamRole; invitation: OrgInvitation | null; requestId?: string };

const MEMBERSHIP = (t: MemberInput) =>
  `/orgs/${t.org}/teams/${t.teamSlug}/memberships/${t.username}`;

function memberContext(target: MemberInput) {
  return { ...teamContext(target), notFound: "user_not_found" } as const;
}

/**
 * PUT …/memberships/{username}: adds an organization member at once, or invites someone who
 * is not a member (pending). Repeating it is safe: it updates the role, or keeps the invitation.
 */
export async function addTeamMember(
  client: GithubClient,
  input: MemberInput & { role: TeamRole },
): Promise<GithubResult<TeamMembershipOutcome>> {
  const { org, teamSlug, username, role } = input;
  const calls: GithubCall[] = [];
  const sent = await attempt(
    client,
    calls,
    `PUT ${MEMBERSHIP(input)}`,
    () =>
      client.octokit.rest.teams.addOrUpdateMembershipForUserInOrg({
        org,
        team_slug: teamSlug,
        username,
        role,
      }),
    memberContext(input),
  );
  if (!sent.ok) {
    return { ok: false, error: await blameTeamOrUser(client, calls, input, sent.error), calls };
  }
  const requestId = requestIdOf(sent.response);
  const granted: TeamRole = sent.response.data.role === "maintainer" ? "maintainer" : "member";
  if (sent.response.data.state !== "pending") {
    return { ok: true, value: { state: "active", role: granted, requestId }, calls };
  }
  const listed = await findOrgInvitation(client, { org, username });
  calls.push(...listed.calls);
  const invitation = listed.ok ? listed.value : null;
  return { ok: true, value: { state: "pending", role: granted, invitation, requestId }, calls };
}

/**
 * GET …/memberships/{username}: active or pending, with the role, or null when they have no
 * membership (never invited, declined, expired or removed). Org owners read as maintainers.
 */
export async function getTeamMembership(
  client: GithubClient,
  input: MemberInput,
): Promise<GithubResult<{ state: "active" | "pending"; role: TeamRole } | null>> {
  const { org, teamSlug, username } = input;
  const calls: GithubCall[] = [];
  const sent = await attempt(
    client,
    calls,
    `GET ${MEMBERSHIP(input)}`,
    () =>
      client.octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: teamSlug, username }),
    memberContext(input),
  );
  if (!sent.ok) {
    // 404 also comes for a missing team (or user), which must not read as "no membership".
    const error = await blameTeamOrUser(client, calls, input, sent.error);
    if (error.code !== "user_not_found") return { ok: false, error, calls };
    return { ok: true, value: null, calls };
  }
  const { state, role } = sent.response.data;
  return {
    ok: true,
    value: {
      state: state === "pending" ? "pending" : "active",
      role: role === "maintainer" ? "maintainer" : "member",
    },
    calls,
  };
}

/**
 * DELETE …/memberships/{username}: 204 whether or not they were a member. A pending membership
 * is withdrawn too. Removing someone from a team does not remove them from the organization.
 */
export async function removeTeamMember(
  client: GithubClient,
  input: MemberInput,
): Promise<GithubResult<{ status: "removed" }>> {
  const { org, teamSlug, username } = input;
  const calls: GithubCall[] = [];
  const sent = await attempt(
    client,
    calls,
    `DELETE ${MEMBERSHIP(input)}`,
    () =>
      client.octokit.rest.teams.removeMembershipForUserInOrg({
        org,
        team_slug: teamSlug,
        username,
      }),
    memberContext(input),
  );
  if (!sent.ok) {
    return { ok: false, error: await blameTeamOrUser(client, calls, input, sent.error), calls };
  }
  return { ok: true, value: { status: "removed" }, calls };
}

/**
 * Whether `username` is already a member of `org` (204) or not (404). A member added to a team
 * sends no organization invitation, so only non-members need the invitation quota.
 */
export async function isOrgMember(
  client: GithubClient,
  input: { org: string; username: string },
): Promise<GithubResult<boolean>> {
  const calls: GithubCall[] = [];
  const sent = await attempt(
    client,
    calls,
    `GET /orgs/${input.org}/members/${input.username}`,
    () => client.octokit.rest.orgs.checkMembershipForUser(input),
  );
  if (sent.ok) return { ok: true, value: Number(sent.response.status) === 204, calls };
  if (sent.error.status === 404) return { ok: true, value: false, calls };
  return { ok: false, error: sent.error, calls };
}
