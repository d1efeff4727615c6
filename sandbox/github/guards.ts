import type { Caller, RequestContext } from "./context";
import { basicError, notAccessibleByToken, notFound, requiresAuthentication } from "./errors";
import { roleRank, type RepoRole } from "./roles";
import type { TokenPermissions } from "./seed";
import type { RepoRecord, UserRecord } from "./state";
import { effectiveRole, findRepo, findUser, installationCovers } from "./world";

// Checks shared by the routes. Each throws the ApiError GitHub would answer with.

export function requireCaller(ctx: RequestContext): Caller {
  if (!ctx.caller) throw requiresAuthentication(ctx.docs);
  return ctx.caller;
}

/**
 * What the caller may do on a repository. An installation token acts for its App, whose
 * reach is the installation's repositories; what it may do there is its permissions' business.
 */
export function callerRole(ctx: RequestContext, repo: RepoRecord): RepoRole | null {
  const caller = ctx.caller;
  if (!caller) return null;
  if (caller.installation) return installationCovers(caller.installation, repo) ? "admin" : null;
  return effectiveRole(ctx.core.state, repo, caller.user.id);
}

/** Private repositories the caller cannot see are 404, never 403. */
export function requireVisibleRepo(ctx: RequestContext): RepoRecord {
  const { owner = "", repo: name = "" } = ctx.params;
  const repo = findRepo(ctx.core.state, owner, name);
  if (!repo || (repo.private && callerRole(ctx, repo) === null)) throw notFound(ctx.docs);
  return repo;
}

export function requireTokenPermission(
  ctx: RequestContext,
  permission: Exclude<keyof TokenPermissions, "metadata">,
  level: "read" | "write",
): void {
  const token = requireCaller(ctx).token;
  if (token.kind === "classic") return;
  const granted = token.permissions[permission];
  if (granted === "write" || granted === level) return;
  throw notAccessibleByToken(token.kind, ctx.docs);
}

export function requireRepoRole(
  ctx: RequestContext,
  repo: RepoRecord,
  minimum: RepoRole,
  message: string,
): RepoRole {
  requireCaller(ctx);
  const role = callerRole(ctx, repo);
  if (roleRank(role) < roleRank(minimum)) throw basicError(403, message, ctx.docs);
  return role ?? minimum;
}

export const MUST_BE_ADMIN = "Must have admin rights to Repository.";
export const MUST_HAVE_PUSH = "Must have push access to view repository collaborators.";

export function requireUser(ctx: RequestContext, login: string | undefined): UserRecord {
  const user = login === undefined ? undefined : findUser(ctx.core.state, login);
  if (!user) throw notFound(ctx.docs);
  return user;
}

export function requireNumber(ctx: RequestContext, name: string): number {
  const value = Number(ctx.params[name]);
  if (!Number.isSafeInteger(value)) throw notFound(ctx.docs);
  return value;
}

export function requireNotInstallation(ctx: RequestContext): Caller {
  const caller = requireCaller(ctx);
  if (caller.token.kind === "installation") {
    throw notAccessibleByToken("installation", ctx.docs);
  }
  return caller;
}
