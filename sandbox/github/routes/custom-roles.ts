import type { Route } from "../context";
import { basicError } from "../errors";
import { callerRole, requireCaller, requireTokenPermission } from "../guards";
import { MUST_OWN_ORG, orgStanding, requireOrg } from "../org-guards";
import { simpleUser, timestamp } from "../serialize-account";

/**
 * Custom repository roles can be listed on GitHub Enterprise Server and Enterprise Cloud only;
 * api.github.com's description has no such operation, so the dotcom flavour answers 404.
 */
export const customRoleRoutes: Route[] = [
  {
    method: "GET",
    template: "/orgs/{org}/custom-repository-roles",
    docs: "https://docs.github.com/enterprise-server@3.19/rest/orgs/custom-roles#list-custom-repository-roles-in-an-organization",
    acceptedPermissions: "organization_custom_roles=read",
    only: "ghes",
    handle(ctx) {
      const org = requireOrg(ctx);
      requireCaller(ctx);
      requireTokenPermission(ctx, "organization_custom_roles", "read");
      // "The authenticated user must be an administrator of the organization or of a repository
      // of the organization."
      const { state } = ctx.core;
      const repoAdmin = state.repos.some(
        (r) => r.ownerId === org.id && callerRole(ctx, r) === "admin",
      );
      if (orgStanding(ctx, org) !== "owner" && !repoAdmin) {
        throw basicError(403, MUST_OWN_ORG, ctx.docs);
      }
      const owner = { ...org, type: "Organization" as const };
      const roles = org.customRoles.map((r) => ({
        id: r.id,
        name: r.name,
        description: r.description,
        base_role: r.baseRole,
        permissions: [],
        organization: simpleUser(owner, ctx.api),
        created_at: timestamp(r.createdAt),
        updated_at: timestamp(r.createdAt),
      }));
      return { status: 200, body: { total_count: roles.length, custom_roles: roles } };
    },
  },
];
