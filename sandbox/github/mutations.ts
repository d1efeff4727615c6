import type { Core } from "./context";
import { legacyPermission, roleName, type RepoRole } from "./roles";
import { nodeId, simpleUser } from "./serialize-account";
import { fullRepository } from "./serialize-repo";
import type { InvitationRecord, RepoRecord } from "./state";
import { accountById, isExpired, repoOrg } from "./world";

// State changes that both the REST routes and the test controls make, with their webhooks.

export function addCollaborator(
  core: Core,
  repo: RepoRecord,
  userId: number,
  role: RepoRole,
  senderId: number,
): void {
  const existing = repo.collaborators.find((c) => c.userId === userId);
  if (existing) existing.role = role;
  else repo.collaborators.push({ userId, role });
  sendMemberEvent(core, "added", repo, userId, senderId, role);
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
  const id = invitation.inviteeId;
  addCollaborator(core, repo, id, invitation.role, id);
  return "accepted";
}

function sendMemberEvent(
  core: Core,
  action: "added" | "removed",
  repo: RepoRecord,
  memberId: number,
  senderId: number,
  role?: RepoRole,
): void {
  const { state } = core;
  const api = core.apiBase();
  const member = accountById(state, memberId);
  const sender = accountById(state, senderId);
  if (!member || !sender) return;
  const org = repoOrg(state, repo);
  core.webhooks.send("member", {
    action,
    ...(role
      ? {
          changes: {
            permission: { to: legacyPermission(role) },
            role_name: { to: roleName(role) },
          },
        }
      : {}),
    member: simpleUser(member, api),
    repository: fullRepository(state, repo, api),
    sender: simpleUser(sender, api),
    ...(org
      ? {
          organization: {
            login: org.login,
            id: org.id,
            node_id: nodeId("Organization", org.id),
            url: `${api}/orgs/${org.login}`,
            repos_url: `${api}/orgs/${org.login}/repos`,
            events_url: `${api}/orgs/${org.login}/events`,
            hooks_url: `${api}/orgs/${org.login}/hooks`,
            issues_url: `${api}/orgs/${org.login}/issues`,
            members_url: `${api}/orgs/${org.login}/members{/member}`,
            public_members_url: `${api}/orgs/${org.login}/public_members{/member}`,
            avatar_url: `https://avatars.githubusercontent.com/u/${org.id}?v=4`,
            description: null,
          },
        }
      : {}),
  });
}
