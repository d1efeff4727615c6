import type { Reply, RequestContext, Route } from "../context";
import type { OrgRecord, UserRecord } from "../state";
import { invalidRequest, notFound } from "../errors";
import { requireNotInstallation, requireTokenPermission } from "../guards";
import { requireOrg, requireOrgOwner } from "../org-guards";
import { paginate } from "../paginate";
import { orgInvitation, orgMembership } from "../serialize-org";
import { acceptOrgInvitation, openOrgInvitation } from "../team-mutations";
import { isExpired, orgMembership as membershipOf } from "../world";

const DOCS = "https://docs.github.com/rest/orgs/members";

/** A membership as GitHub shows it: active, pending while invited, otherwise 404. */
export function membershipReply(ctx: RequestContext, org: OrgRecord, user: UserRecord): Reply {
  const active = membershipOf(org, user.id);
  if (active) {
    return { status: 200, body: orgMembership(org, user, active.role, "active", ctx.api) };
  }
  if (!openOrgInvitation(ctx.core.state, org, user.id, ctx.core.now())) {
    throw notFound(ctx.docs);
  }
  return { status: 200, body: orgMembership(org, user, "member", "pending", ctx.api) };
}

export const orgMembershipRoutes: Route[] = [
  {
    // GitHub Enterprise Server has no such list.
    method: "GET",
    template: "/orgs/{org}/invitations",
    docs: `${DOCS}#list-pending-organization-invitations`,
    acceptedPermissions: "members=read",
    only: "dotcom",
    handle(ctx) {
      const org = requireOrg(ctx);
      requireTokenPermission(ctx, "members", "read");
      requireOrgOwner(ctx, org);
      const { state } = ctx.core;
      const now = ctx.core.now();
      const items = state.orgInvitations
        .filter((i) => i.orgId === org.id && !isExpired(i, now))
        .map((i) => orgInvitation(state, i, ctx.api));
      return paginate(ctx, items);
    },
  },
  {
    // The invitee's own view: active, pending (invited) or 404.
    method: "GET",
    template: "/user/memberships/orgs/{org}",
    docs: `${DOCS}#get-an-organization-membership-for-the-authenticated-user`,
    handle(ctx) {
      const { user } = requireNotInstallation(ctx);
      return membershipReply(ctx, requireOrg(ctx), user);
    },
  },
  {
    // Accepting the invitation; an expired one can no longer be accepted (404).
    method: "PATCH",
    template: "/user/memberships/orgs/{org}",
    docs: `${DOCS}#update-an-organization-membership-for-the-authenticated-user`,
    handle(ctx) {
      const { user } = requireNotInstallation(ctx);
      const org = requireOrg(ctx);
      if (ctx.body.state !== "active") {
        const detail =
          ctx.body.state === undefined
            ? '"state" wasn\'t supplied.'
            : `For 'properties/state', ${JSON.stringify(ctx.body.state)} is not one of ["active"].`;
        throw invalidRequest(ctx.docs, detail);
      }
      const invitation = openOrgInvitation(ctx.core.state, org, user.id, ctx.core.now());
      if (invitation) acceptOrgInvitation(ctx.core, invitation);
      const active = membershipOf(org, user.id);
      if (!active) throw notFound(ctx.docs);
      ctx.core.commit();
      return { status: 200, body: orgMembership(org, user, active.role, "active", ctx.api) };
    },
  },
];
