import type { RequestContext, Route } from "../context";
import { invalidRequest, notFound, validationFailed } from "../errors";
import {
  MUST_BE_ADMIN,
  requireNumber,
  requireRepoRole,
  requireTokenPermission,
  requireVisibleRepo,
} from "../guards";
import { paginate } from "../paginate";
import { roleFromInvitationPermission } from "../roles";
import { invitation } from "../serialize-repo";
import type { InvitationRecord } from "../state";

const DOCS = "https://docs.github.com/rest/collaborators/invitations";

/** Expired invitations stay listed, with `expired: true`, until someone deletes them. */
export const repoInvitationRoutes: Route[] = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/invitations",
    docs: `${DOCS}#list-repository-invitations`,
    acceptedPermissions: "administration=read",
    handle(ctx) {
      const repo = requireVisibleRepo(ctx);
      requireTokenPermission(ctx, "administration", "read");
      requireRepoRole(ctx, repo, "admin", MUST_BE_ADMIN);
      const { state } = ctx.core;
      const now = ctx.core.now();
      const items = state.invitations
        .filter((i) => i.repoId === repo.id)
        .map((i) => invitation(state, i, ctx.api, now));
      return paginate(ctx, items);
    },
  },
  {
    method: "PATCH",
    template: "/repos/{owner}/{repo}/invitations/{invitation_id}",
    docs: `${DOCS}#update-a-repository-invitation`,
    acceptedPermissions: "administration=write",
    handle(ctx) {
      const record = requireManagedInvitation(ctx);
      const permissions = ctx.body.permissions;
      if (permissions === undefined) {
        throw invalidRequest(
          ctx.docs,
          'No subschema in "anyOf" matched.\n"permissions" wasn\'t supplied.',
        );
      }
      const role = typeof permissions === "string" && roleFromInvitationPermission(permissions);
      if (!role) {
        throw validationFailed(ctx.docs, [
          { resource: "RepositoryInvitation", code: "invalid", field: "permissions" },
        ]);
      }
      record.role = role;
      ctx.core.commit();
      return { status: 200, body: invitation(ctx.core.state, record, ctx.api, ctx.core.now()) };
    },
  },
  {
    method: "DELETE",
    template: "/repos/{owner}/{repo}/invitations/{invitation_id}",
    docs: `${DOCS}#delete-a-repository-invitation`,
    acceptedPermissions: "administration=write",
    handle(ctx) {
      const record = requireManagedInvitation(ctx);
      const { state } = ctx.core;
      state.invitations = state.invitations.filter((i) => i !== record);
      ctx.core.commit();
      return { status: 204 };
    },
  },
];

function requireManagedInvitation(ctx: RequestContext): InvitationRecord {
  const repo = requireVisibleRepo(ctx);
  requireTokenPermission(ctx, "administration", "write");
  requireRepoRole(ctx, repo, "admin", MUST_BE_ADMIN);
  const id = requireNumber(ctx, "invitation_id");
  const record = ctx.core.state.invitations.find((i) => i.id === id && i.repoId === repo.id);
  if (!record) throw notFound(ctx.docs);
  return record;
}
