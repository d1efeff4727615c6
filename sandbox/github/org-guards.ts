import type { RequestContext } from "./context";
import { basicError, notFound } from "./errors";
import type { OrgRecord, TeamRecord } from "./state";
import { findOrg, findTeam, orgMembership } from "./world";

// Checks for organization and team routes. Each throws the ApiError GitHub would answer with.

/** owner: an org admin; app: an installation on the org; member; or no standing at all. */
export type OrgStanding = "owner" | "app" | "member" | null;

export function orgStanding(ctx: RequestContext, org: OrgRecord): OrgStanding {
  const caller = ctx.caller;
  if (!caller) return null;
  if (caller.installation) return caller.installation.accountId === org.id ? "app" : null;
  const membership = orgMembership(org, caller.user.id);
  if (!membership) return null;
  return membership.role === "admin" ? "owner" : "member";
}

export function requireOrg(ctx: RequestContext): OrgRecord {
  const org = findOrg(ctx.core.state, ctx.params.org ?? "");
  if (!org) throw notFound(ctx.docs);
  return org;
}

/** Teams are seen by the organization's members; secret ones only by their own and owners. */
export function requireVisibleTeam(ctx: RequestContext, org: OrgRecord): TeamRecord {
  const team = findTeam(org, ctx.params.team_slug ?? "");
  const standing = orgStanding(ctx, org);
  const ownMember = team?.members.some((m) => m.userId === ctx.caller?.user.id);
  const visible =
    standing === "owner" ||
    standing === "app" ||
    (standing === "member" && (team?.privacy === "closed" || ownMember));
  if (!team || !visible) throw notFound(ctx.docs);
  return team;
}

// GitHub's wording for these two 403s is not recorded; ours follows "Must have admin rights to
// Repository.", which is.
export const MUST_MANAGE_TEAM = "Must have admin rights to Team.";
export const MUST_OWN_ORG = "Must have admin rights to Organization.";

/** Org owners and the App manage every team; a maintainer manages their own team. */
export function requireTeamManager(ctx: RequestContext, org: OrgRecord, team: TeamRecord): void {
  const standing = orgStanding(ctx, org);
  if (standing === "owner" || standing === "app") return;
  const self = team.members.find((m) => m.userId === ctx.caller?.user.id);
  if (standing === "member" && self?.role === "maintainer") return;
  throw basicError(403, MUST_MANAGE_TEAM, ctx.docs);
}

/** Inviting people into the organization, and seeing its invitations, is for owners. */
export function requireOrgOwner(ctx: RequestContext, org: OrgRecord): void {
  const standing = orgStanding(ctx, org);
  if (standing !== "owner" && standing !== "app") throw basicError(403, MUST_OWN_ORG, ctx.docs);
}
