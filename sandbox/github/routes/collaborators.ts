import type { Route } from "../context";
import { notFound } from "../errors";
import {
  MUST_BE_ADMIN,
  MUST_HAVE_PUSH,
  requireCaller,
  requireRepoRole,
  requireTokenPermission,
  requireUser,
  requireVisibleRepo,
} from "../guards";
import { removeCollaborator } from "../mutations";
import { paginate } from "../paginate";
import { collaborator, collaboratorPermission } from "../serialize-account";
import { collaboratorsOf, effectiveRole, effectiveRoleName } from "../world";

const DOCS = "https://docs.github.com/rest/collaborators/collaborators";
const AFFILIATIONS = ["all", "direct", "outside"] as const;

export const collaboratorRoutes: Route[] = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/collaborators",
    docs: `${DOCS}#list-repository-collaborators`,
    handle(ctx) {
      const repo = requireVisibleRepo(ctx);
      requireRepoRole(ctx, repo, "push", MUST_HAVE_PUSH);
      const requested = ctx.query.get("affiliation") ?? "all";
      const affiliation = AFFILIATIONS.find((a) => a === requested) ?? "all";
      const items = collaboratorsOf(ctx.core.state, repo, affiliation).map(
        ({ user, role, roleName }) => collaborator(user, role, roleName, ctx.api),
      );
      return paginate(ctx, items);
    },
  },
  {
    // Org members with access count, as with `affiliation=all`; pending invitees do not.
    method: "GET",
    template: "/repos/{owner}/{repo}/collaborators/{username}",
    docs: `${DOCS}#check-if-a-user-is-a-repository-collaborator`,
    handle(ctx) {
      const repo = requireVisibleRepo(ctx);
      requireRepoRole(ctx, repo, "push", MUST_HAVE_PUSH);
      const user = requireUser(ctx, ctx.params.username);
      if (effectiveRole(ctx.core.state, repo, user.id) === null) throw notFound(ctx.docs);
      return { status: 204 };
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/collaborators/{username}/permission",
    docs: `${DOCS}#get-repository-permissions-for-a-user`,
    handle(ctx) {
      const repo = requireVisibleRepo(ctx);
      requireRepoRole(ctx, repo, "push", MUST_HAVE_PUSH);
      const user = requireUser(ctx, ctx.params.username);
      const { state } = ctx.core;
      const role = effectiveRole(state, repo, user.id);
      const name = effectiveRoleName(state, repo, user.id);
      return { status: 200, body: collaboratorPermission(user, role, name, ctx.api) };
    },
  },
  {
    // Removing someone who is not a collaborator is not documented; like GitHub's other
    // idempotent deletes it answers 204.
    method: "DELETE",
    template: "/repos/{owner}/{repo}/collaborators/{username}",
    docs: `${DOCS}#remove-a-repository-collaborator`,
    acceptedPermissions: "administration=write",
    handle(ctx) {
      const repo = requireVisibleRepo(ctx);
      requireTokenPermission(ctx, "administration", "write");
      requireRepoRole(ctx, repo, "admin", MUST_BE_ADMIN);
      const user = requireUser(ctx, ctx.params.username);
      removeCollaborator(ctx.core, repo, user.id, requireCaller(ctx).user.id);
      ctx.core.commit();
      return { status: 204 };
    },
  },
];
