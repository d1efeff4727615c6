import type { Core } from "./context";
import { legacyPermission, roleName, type RepoRole } from "./roles";
import { simpleUser } from "./serialize-account";
import { organizationSimple } from "./serialize-org";
import { fullRepository } from "./serialize-repo";
import type { InvitationRecord, RepoRecord } from "./state";
import { accountById, isExpired, repoOrg } from "./world";

// State changes that both the REST routes and the test controls make, with their webhooks.

/** What a collaborator is granted: a base role, or an org custom role and its base role. */
export type Grant = { role: RepoRole; customRole?: string };

/** Sets a grant on a collaborator or invitation, dropping a custom role the new grant lacks. */
export function setGrant(target: Grant, grant: Grant): void {
  target.role = grant.role;
  if (grant.customRole === undefined) delete target.customRole;
  else target.customRole = grant.customRole;
}

export function addCollaborator(
  core: Core,
  repo: RepoRecord,
  userId: number,
  grant: Grant,
  senderId: number,
): void {
  const existing = repo.collaborators.find((c) => c.userId === userId);
  if (existing) setGrant(existing, grant);
  else repo.collaborators.push({ userId, ...grant });
  sendMemberEvent(core, "added", repo, userId, senderId, grant);
}

export function removeCollaborator(
  core: Core,
  repo: RepoRecord,
  userId: number,
  senderId: number,
): void {
  const before = repo.collaborators.length;
  repo.collaborators = repo.collaborators.filter((c) => c.userId !== userId);
  // GitHub also cancels invitations the removed collaborator had sent.
  core.state.invitations = core.state.invitations.filter(
    (i) => !(i.repoId === repo.id && i.inviterId === userId),
  );
  if (repo.collaborators.length < before) sendMemberEvent(core, "removed", repo, userId, senderId);
}

export type InvitationAnswer = "accepted" | "declined" | "not_found";

/** The invitee accepts or declines; an expired invitation can no longer be accepted. */
export function answerInvitation(
  core: Core,
  invitation: InvitationRecord,
  answer: "accept" | "decline",
): InvitationAnswer {
  if (answer === "accept" && isExpired(invitation, core.now())) return "not_found";
  const repo = core.state.repos.find((r) => r.id === invitation.repoId);
  core.state.invitations = core.state.invitations.filter((i) => i.id !== invitation.id);
  if (answer === "decline" || !repo) return "declined";
  const { inviteeId: id, role, customRole } = invitation;
  addCollaborator(core, repo, id, customRole === undefined ? { role } : { role, customRole }, id);
  return "accepted";
}

function sendMemberEvent(
  core: Core,
  action: "added" | "removed",
  repo: RepoRecord,
  memberId: number,
  senderId: number,
  grant?: Grant,
): void {
  const { state } = core;
  const api = core.apiBase();
  const member = accountById(state, memberId);
  const sender = accountById(state, senderId);
  if (!member || !sender) return;
  const org = repoOrg(state, repo);
  core.webhooks.send("member", {
    action,
    ...(grant
      ? {
          changes: {
            permission: { to: legacyPermission(grant.role) },
            role_name: { to: grant.customRole ?? roleName(grant.role) },
          },
        }
      : {}),
    member: simpleUser(member, api),
    repository: fullRepository(state, repo, api),
    sender: simpleUser(sender, api),
    ...(org ? { organization: organizationSimple(org, api) } : {}),
  });
}
