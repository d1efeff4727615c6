import type { RequestContext, Route } from "../context";
import { invalidRequest, notFound } from "../errors";
import { requireCaller, requireTokenPermission, requireUser } from "../guards";
import { requireOrg, requireOrgOwner, requireTeamManager, requireVisibleTeam } from "../org-guards";
import { teamFull, teamMembership } from "../serialize-org";
import {
  addTeamMember,
  inviteToTeam,
  openOrgInvitation,
  removeTeamMember,
} from "../team-mutations";
import { takeOrgInvitation } from "../org-invitation-limit";
import { orgMembership } from "../world";

const DOCS = "https://docs.github.com/rest/teams";
const MEMBERSHIP = "/orgs/{org}/teams/{team_slug}/memberships/{username}";

function requestedRole(ctx: RequestContext): "member" | "maintainer" {
  const role = ctx.body.role ?? "member";
  if (role !== "member" && role !== "maintainer") {
    throw invalidRequest(
      ctx.docs,
      `For 'properties/role', ${JSON.stringify(role)} is not one of ["member","maintainer"].`,
    );
  }
  return role;
}

export const teamRoutes: Route[] = [
  {
    method: "GET",
    template: "/orgs/{org}/teams/{team_slug}",
    docs: `${DOCS}/teams#get-a-team-by-name`,
    acceptedPermissions: "members=read",
    handle(ctx) {
      const org = requireOrg(ctx);
      requireTokenPermission(ctx, "members", "read");
      const team = requireVisibleTeam(ctx, org);
      return { status: 200, body: teamFull(ctx.core.state, org, team, ctx.api) };
    },
  },
  {
    // Org owners read as maintainers; someone invited through the team reads as pending.
    method: "GET",
    template: MEMBERSHIP,
    docs: `${DOCS}/members#get-team-membership-for-a-user`,
    acceptedPermissions: "members=read",
    handle(ctx) {
      const org = requireOrg(ctx);
      requireTokenPermission(ctx, "members", "read");
      const team = requireVisibleTeam(ctx, org);
      const user = requireUser(ctx, ctx.params.username);
      const active = team.members.find((m) => m.userId === user.id);
      if (active) {
        const owner = orgMembership(org, user.id)?.role === "admin";
        const role = owner ? "maintainer" : active.role;
        return { status: 200, body: teamMembership(team, user, role, "active", ctx.api) };
      }
      const invited = openOrgInvitation(ctx.core.state, org, user.id, ctx.core.now());
      const pending = invited?.teams.find((t) => t.teamId === team.id);
      if (!pending) throw notFound(ctx.docs);
      return { status: 200, body: teamMembership(team, user, pending.role, "pending", ctx.api) };
    },
  },
  {
    method: "PUT",
    template: MEMBERSHIP,
    docs: `${DOCS}/members#add-or-update-team-membership-for-a-user`,
    acceptedPermissions: "members=write",
    handle(ctx) {
      const org = requireOrg(ctx);
      requireTokenPermission(ctx, "members", "write");
      const team = requireVisibleTeam(ctx, org);
      requireTeamManager(ctx, org, team);
      const role = requestedRole(ctx);
      const user = requireUser(ctx, ctx.params.username);
      const sender = requireCaller(ctx).user.id;
      if (orgMembership(org, user.id)) {
        addTeamMember(ctx.core, org, team, user.id, role, sender);
        ctx.core.commit();
        return { status: 200, body: teamMembership(team, user, role, "active", ctx.api) };
      }
      // Only an owner may bring someone new into the organization.
      requireOrgOwner(ctx, org);
      const now = ctx.core.now();
      if (!openOrgInvitation(ctx.core.state, org, user.id, now)) takeOrgInvitation(ctx, org, now);
      inviteToTeam(ctx.core, org, team, user.id, role, sender);
      ctx.core.commit();
      return { status: 200, body: teamMembership(team, user, role, "pending", ctx.api) };
    },
  },
  {
    method: "DELETE",
    template: MEMBERSHIP,
    docs: `${DOCS}/members#remove-team-membership-for-a-user`,
    acceptedPermissions: "members=write",
    handle(ctx) {
      const org = requireOrg(ctx);
      requireTokenPermission(ctx, "members", "write");
      const team = requireVisibleTeam(ctx, org);
      requireTeamManager(ctx, org, team);
      const user = requireUser(ctx, ctx.params.username);
      removeTeamMember(ctx.core, org, team, user.id, requireCaller(ctx).user.id);
      ctx.core.commit();
      return { status: 204 };
    },
  },
];
