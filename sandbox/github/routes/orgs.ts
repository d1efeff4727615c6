import type { Route } from "../context";
import { notFound } from "../errors";
import { requireCaller, requireTokenPermission, requireUser } from "../guards";
import { orgStanding, requireOrg, requireOrgOwner, requireVisibleTeam } from "../org-guards";
import { paginate } from "../paginate";
import { membershipReply } from "./org-memberships";
import { organizationFull, teamMember } from "../serialize-org";
import { removeOrgMember } from "../team-mutations";
import { userById } from "../world";

const DOCS = "https://docs.github.com/rest/orgs";

export const orgRoutes: Route[] = [
  {
    method: "GET",
    template: "/orgs/{org}",
    docs: `${DOCS}/orgs#get-an-organization`,
    handle(ctx) {
      const org = requireOrg(ctx);
      const standing = orgStanding(ctx, org);
      const owner = standing === "owner" || standing === "app";
      return { status: 200, body: organizationFull(ctx.core.state, org, ctx.api, owner) };
    },
  },
  {
    // Members (and the org's App) may ask; an invited person reads as pending.
    method: "GET",
    template: "/orgs/{org}/memberships/{username}",
    docs: `${DOCS}/members#get-organization-membership-for-a-user`,
    acceptedPermissions: "members=read",
    handle(ctx) {
      const org = requireOrg(ctx);
      requireTokenPermission(ctx, "members", "read");
      if (orgStanding(ctx, org) === null) throw notFound(ctx.docs);
      return membershipReply(ctx, org, requireUser(ctx, ctx.params.username));
    },
  },
  {
    // Someone neither a member nor invited: GitHub's answer is undocumented; 404 here.
    method: "DELETE",
    template: "/orgs/{org}/memberships/{username}",
    docs: `${DOCS}/members#remove-organization-membership-for-a-user`,
    acceptedPermissions: "members=write",
    handle(ctx) {
      const org = requireOrg(ctx);
      requireTokenPermission(ctx, "members", "write");
      requireOrgOwner(ctx, org);
      const user = requireUser(ctx, ctx.params.username);
      if (!removeOrgMember(ctx.core, org, user.id, requireCaller(ctx).user.id)) {
        throw notFound(ctx.docs);
      }
      ctx.core.commit();
      return { status: 204 };
    },
  },
  {
    // Active members only: a pending membership is an organization invitation.
    method: "GET",
    template: "/orgs/{org}/teams/{team_slug}/members",
    docs: "https://docs.github.com/rest/teams/members#list-team-members",
    acceptedPermissions: "members=read",
    handle(ctx) {
      const org = requireOrg(ctx);
      requireTokenPermission(ctx, "members", "read");
      const team = requireVisibleTeam(ctx, org);
      const role = ctx.query.get("role") ?? "all";
      const items = team.members
        .filter((m) => role === "all" || m.role === role)
        .flatMap((m) => {
          const user = userById(ctx.core.state, m.userId);
          return user ? [teamMember(user, m.role, ctx.api)] : [];
        });
      return paginate(ctx, items);
    },
  },
];
