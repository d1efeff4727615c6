import type { Reply, RequestContext, Route } from "../context";
import {
  ownerCannotBeCollaborator,
  permissionOnUserRepo,
  invalidRequest,
  roleNotAvailable,
  validationFailed,
} from "../errors";
import {
  MUST_BE_ADMIN,
  requireCaller,
  requireRepoRole,
  requireTokenPermission,
  requireUser,
  requireVisibleRepo,
} from "../guards";
import { addCollaborator, setGrant, type Grant } from "../mutations";
import {
  baseRoleAsRepoRole,
  isRepoRole,
  roleFromInvitationPermission,
  roleName,
  roleRank,
} from "../roles";
import { invitation } from "../serialize-repo";
import type { InvitationRecord, RepoRecord } from "../state";
import { fullName, isExpired, orgMembership, repoOrg } from "../world";

const DAY_MS = 24 * 60 * 60 * 1000;

/** PUT /repos/{owner}/{repo}/collaborators/{username}, checked in the order GitHub checks. */
export const addCollaboratorRoute: Route = {
  method: "PUT",
  template: "/repos/{owner}/{repo}/collaborators/{username}",
  docs: "https://docs.github.com/rest/collaborators/collaborators#add-a-repository-collaborator",
  acceptedPermissions: "administration=write",
  handle(ctx) {
    const { state } = ctx.core;
    const repo = requireVisibleRepo(ctx);
    requireTokenPermission(ctx, "administration", "write");
    requireRepoRole(ctx, repo, "admin", MUST_BE_ADMIN);
    const user = requireUser(ctx, ctx.params.username);
    if (repo.ownerId === user.id) throw ownerCannotBeCollaborator();
    const grant = requestedGrant(ctx, repo);
    const { role } = grant;
    const org = repoOrg(state, repo);
    const isMember = org !== undefined && orgMembership(org, user.id) !== undefined;
    const existing = repo.collaborators.find((c) => c.userId === user.id);

    if (org && isMember) {
      const base = baseRoleAsRepoRole(org.baseRole);
      if (roleRank(role) < roleRank(base)) {
        throw validationFailed(ctx.docs, [
          {
            resource: "Repository",
            code: "custom",
            message: `Cannot assign ${user.login} permission of ${roleName(role)}`,
          },
        ]);
      }
    }
    // An existing collaborator's role changes silently; an org member is added without invitation.
    if (existing || isMember || ctx.core.mode === "ghes") {
      const caller = requireCaller(ctx).user.id;
      if (existing) setGrant(existing, grant);
      else addCollaborator(ctx.core, repo, user.id, grant, caller);
      ctx.core.commit();
      return { status: 204 };
    }

    const now = ctx.core.now();
    checkDailyLimit(ctx, repo, now);
    const pending = state.invitations.find(
      (i) => i.repoId === repo.id && i.inviteeId === user.id && !isExpired(i, now),
    );
    if (pending && ctx.core.settings.pendingInvitationPut === "same") {
      if (org) setGrant(pending, grant);
      ctx.core.commit();
      return created(ctx, pending);
    }
    const record: InvitationRecord = {
      id: state.nextInvitationId++,
      repoId: repo.id,
      inviteeId: user.id,
      inviterId: requireCaller(ctx).user.id,
      ...grant,
      createdAt: Math.floor(now / 1000) * 1000,
    };
    state.invitations.push(record);
    state.invitationsSent.push({ repoId: repo.id, at: now });
    ctx.core.commit();
    return created(ctx, record);
  },
};

function requestedGrant(ctx: RequestContext, repo: RepoRecord): Grant {
  const permission = ctx.body.permission ?? "push";
  if (typeof permission !== "string") {
    throw invalidRequest(
      ctx.docs,
      `For 'properties/permission', ${JSON.stringify(permission)} is not a string.`,
    );
  }
  // User-owned repositories only ever grant write.
  const org = repoOrg(ctx.core.state, repo);
  if (!org) {
    if (permission !== "push") throw permissionOnUserRepo(ctx.docs);
    return { role: "push" };
  }
  if (isRepoRole(permission)) return { role: permission };
  // Anything else names one of the organization's custom repository roles.
  const custom = org.customRoles.find((r) => r.name.toLowerCase() === permission.toLowerCase());
  const base = custom && roleFromInvitationPermission(custom.baseRole);
  if (!custom || !base) {
    throw roleNotAvailable(ctx.docs, permission, fullName(ctx.core.state, repo));
  }
  return { role: base, customRole: custom.name };
}

function checkDailyLimit(ctx: RequestContext, repo: RepoRecord, now: number): void {
  if (ctx.core.mode === "ghes") return;
  const { state, settings } = ctx.core;
  state.invitationsSent = state.invitationsSent.filter((s) => s.at > now - DAY_MS);
  const sent = state.invitationsSent.filter((s) => s.repoId === repo.id).length;
  if (sent >= settings.inviteDailyLimit) {
    throw validationFailed(ctx.docs, [
      {
        resource: "Repository",
        code: "custom",
        message:
          settings.inviteLimitMessage ??
          `You can only send ${settings.inviteDailyLimit} invitations to a repository per 24 hour period.`,
      },
    ]);
  }
}

function created(ctx: RequestContext, record: InvitationRecord): Reply {
  return {
    status: 201,
    body: invitation(ctx.core.state, record, ctx.api),
    headers: { location: `${ctx.api}/user/repository_invitations/${record.id}` },
  };
}
