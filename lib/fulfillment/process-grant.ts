import type { Database } from "../db/types";
import { githubError, type GithubError, type RepoPermission } from "../github";
import {
  completeWriteEvent,
  failGrant,
  isBasePermission,
  forgetInvitation,
  grantTarget,
  markActive,
  markInvited,
  markPendingMembership,
  recordGithubCalls,
  recordGithubWrite,
  releaseInviteSlot,
  releaseUnansweredInviteSlots,
  reserveInviteSlot,
  renewLease,
  reserveOrgInviteSlot,
  settleOrgInviteSlot,
  strongestAccess,
  teamMember,
  waitForQuota,
  type Grant,
} from "../grants";
import type { FulfillmentGithub } from "./github-port";
import { refreshLogin } from "./grant-login";
import type { FulfillmentSettings } from "./settings";

export type GrantOutcome = "invited" | "active" | "quota_wait" | "retry" | "failed" | "lost_lease";

type Step = { outcome: GrantOutcome } | { userNotFound: GithubError };

/** Takes one claimed grant as far as GitHub lets it go in one step. */
export async function processGrant(
  db: Database,
  github: FulfillmentGithub,
  claimed: Grant,
  settings: FulfillmentSettings,
): Promise<GrantOutcome> {
  let grant = claimed;
  if (!grant.githubLogin) {
    if (grant.githubUserId === null)
      return failGrant(db, grant, githubError("user_not_found"), settings);
    const resolved = await refreshLogin(db, github, grant, settings.clock);
    if (!resolved.ok)
      return "lost" in resolved ? "lost_lease" : failGrant(db, grant, resolved.error, settings);
    grant = resolved.grant;
  }
  const step = async (g: Grant) => {
    const owed = await strongestAccess(db, g);
    return g.kind === "github_team"
      ? joinTeam(db, github, owed, settings)
      : inviteToRepo(db, github, owed, settings);
  };
  const first = await step(grant);
  if (!("userNotFound" in first)) return first.outcome;
  // GitHub answers 404 for a login the buyer has since renamed; their id still finds them.
  const resolved = await refreshLogin(db, github, grant, settings.clock);
  if (resolved.ok && resolved.grant !== grant) {
    const second = await step(resolved.grant);
    if (!("userNotFound" in second)) return second.outcome;
  }
  return failGrant(db, grant, first.userNotFound, settings);
}

async function inviteToRepo(
  db: Database,
  github: FulfillmentGithub,
  claimed: Grant,
  settings: FulfillmentSettings,
): Promise<Step> {
  let grant = claimed;
  if (grant.invitationId !== null) {
    const cleared = await cancelStaleInvitation(db, github, grant, settings);
    if (typeof cleared === "string") return { outcome: cleared };
    grant = { ...cleared, permission: claimed.permission };
  }
  return inviteOnce(db, github, grant, settings);
}

/**
 * A team needs no crash check: adding a member again is harmless, and a non-member's pending
 * membership keeps its one organization invitation. It does need the organization's invitation
 * quota, since a non-member's PUT sends one; not knowing beforehand who is a member, every PUT
 * reserves a slot and gives it back unless an invitation went out.
 */
async function joinTeam(
  db: Database,
  github: FulfillmentGithub,
  grant: Grant,
  settings: FulfillmentSettings,
): Promise<Step> {
  // A slot left by a worker that died mid-PUT is replaced by this attempt's own.
  if (grant.attempts > 1) await releaseUnansweredInviteSlots(db, grant.id);
  const slot = await reserveOrgInviteSlot(db, {
    grantId: grant.id,
    org: grant.org!,
    limit: settings.orgInviteDailyLimit,
    now: settings.clock(),
  });
  if (!slot.ok) {
    // A full window only holds back non-members: a member joins without an invitation.
    const member = await github.isOrgMember({ org: grant.org!, username: grant.githubLogin! });
    await recordGithubCalls(db, grant.id, "check_org_member", member, settings.clock());
    if (!member.ok || !member.value) {
      await waitForQuota(db, grant, slot.freesAt, settings.clock());
      return { outcome: "quota_wait" };
    }
  }
  const result = await recordGithubWrite(db, grant.id, "add_team_member", settings.clock, () =>
    github.addTeamMember({
      ...teamMember(grant),
      role: grant.teamRole === "maintainer" ? "maintainer" : "member",
    }),
  );
  const now = settings.clock();
  const put = result.calls.find((call) => call.method === "PUT");
  if (slot.ok) {
    await settleOrgInviteSlot(db, slot.eventId, {
      invitationSent: result.ok && result.value.state !== "active",
      githubStatus: put?.status ?? null,
    });
  }
  if (!result.ok) {
    if (result.error.code === "user_not_found" && grant.githubUserId !== null) {
      return { userNotFound: result.error };
    }
    return { outcome: await failGrant(db, grant, result.error, settings) };
  }
  if (result.value.state === "active") {
    await markActive(db, grant, now, "team_member", await githubIdOf(db, github, grant, settings));
    return { outcome: "active" };
  }
  await markPendingMembership(db, grant, result.value.invitation, now);
  return { outcome: "invited" };
}

/**
 * A resend: the expired (or superseded) invitation is deleted before a new one is sent, since
 * GitHub would otherwise keep the stale one listed. Already gone counts as done.
 */
async function cancelStaleInvitation(
  db: Database,
  github: FulfillmentGithub,
  grant: Grant,
  settings: FulfillmentSettings,
): Promise<Grant | GrantOutcome> {
  const cancelled = await recordGithubWrite(db, grant.id, "cancel_invitation", settings.clock, () =>
    github.cancelInvitation({
      owner: grant.owner!,
      repo: grant.repo!,
      invitationId: grant.invitationId!,
    }),
  );
  if (!cancelled.ok) return failGrant(db, grant, cancelled.error, settings);
  return (await forgetInvitation(db, grant, settings.clock())) ?? "lost_lease";
}

async function inviteOnce(
  db: Database,
  github: FulfillmentGithub,
  grant: Grant,
  settings: FulfillmentSettings,
): Promise<{ outcome: GrantOutcome } | { userNotFound: GithubError }> {
  const target = {
    owner: grant.owner!,
    repo: grant.repo!,
    username: grant.githubLogin!,
    permission: grant.permission!,
  };

  // Claimed before with no outcome recorded: the last worker may have died between GitHub's
  // 201 and its commit. An open invitation means the invite did happen; don't send another.
  // It may be for another permission (another order's, sent while this grant waited): it is
  // set to the strongest role paid for, as a second PUT would, without a second invitation.
  if (grant.attempts > 1) {
    const found = await github.findOpenInvitation(target);
    await recordGithubCalls(db, grant.id, "find_invitation", found, settings.clock());
    if (!found.ok) return { outcome: await failGrant(db, grant, found.error, settings) };
    const invitation = found.value;
    const same = invitation?.permission.toLowerCase() === target.permission.toLowerCase();
    if (invitation && (same || isBasePermission(target.permission))) {
      if (!same) {
        const updated = await recordGithubWrite(
          db,
          grant.id,
          "update_invitation",
          settings.clock,
          () =>
            github.updateInvitationPermission({
              ...target,
              invitationId: invitation.id,
              permission: target.permission as RepoPermission,
            }),
        );
        if (!updated.ok) return { outcome: await failGrant(db, grant, updated.error, settings) };
      }
      await markInvited(
        db,
        grant,
        { ...invitation, invitationId: invitation.id },
        settings.clock(),
      );
      return { outcome: "invited" };
    }
    await releaseUnansweredInviteSlots(db, grant.id);
  }

  const slot = await reserveInviteSlot(db, {
    grantId: grant.id,
    owner: target.owner,
    repo: target.repo,
    limit: settings.dailyInviteLimit,
    now: settings.clock(),
  });
  if (!slot.ok) {
    await waitForQuota(db, grant, slot.freesAt, settings.clock());
    return { outcome: "quota_wait" };
  }

  // The write is about to leave: make sure the grant is still ours, for a full lease.
  const leased = await renewLease(db, grant, {
    now: settings.clock(),
    leaseMs: settings.leaseMs,
    leaseClock: settings.leaseClock,
  });
  if (!leased) {
    await releaseInviteSlot(db, slot.eventId);
    return { outcome: "lost_lease" };
  }
  grant = leased;
  const result = await github.invite(target);
  const now = settings.clock();
  await completeWriteEvent(db, slot.eventId, grant.id, result, now);
  if (!result.ok) {
    if (result.error.code === "user_not_found" && grant.githubUserId !== null) {
      return { userNotFound: result.error };
    }
    return { outcome: await failGrant(db, grant, result.error, settings) };
  }
  if (result.value.status === "already_has_access") {
    await markActive(
      db,
      grant,
      now,
      "already_has_access",
      await githubIdOf(db, github, grant, settings),
    );
    return { outcome: "active" };
  }
  await markInvited(db, grant, result.value, now);
  return { outcome: "invited" };
}

/**
 * The grant's GitHub account id: known from the order or the webhook, else asked of GitHub by
 * login. Unanswered, the grant stays matched by login and buyer.
 */
async function githubIdOf(
  db: Database,
  github: FulfillmentGithub,
  grant: Grant,
  settings: FulfillmentSettings,
): Promise<number | null> {
  if (grant.githubUserId !== null) return grant.githubUserId;
  const account = await github.accountByLogin(grantTarget(grant), grant.githubLogin!);
  await recordGithubCalls(db, grant.id, "resolve_account", account, settings.clock());
  return account.ok ? account.value.id : null;
}
