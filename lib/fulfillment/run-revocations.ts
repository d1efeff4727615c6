import { and, isNotNull, ne } from "drizzle-orm";
import { grants } from "../db/schema";
import type { Database } from "../db/types";
import type { GithubError, GithubResult } from "../github";
import {
  claimGrants,
  failureChanges,
  isBasePermission,
  otherPaidGrants,
  permissionRank,
  recordGithubCalls,
  teamMember,
  transitionGrant,
  type Grant,
} from "../grants";
import type { FulfillmentGithub } from "./github-port";
import type { FulfillmentSettings } from "./settings";

export interface RevocationSummary {
  claimed: number;
  revoked: number;
  lowered: number;
  kept: number;
  retry: number;
  failed: number;
}

/**
 * Whether the buyer holds access on GitHub. A revocation that failed left the grant `failed`
 * (then `queued` by the merchant's retry); its acceptance still says the access was given.
 */
const hadAccess = (grant: Grant) =>
  grant.status === "active" ||
  (grant.acceptedAt !== null && (grant.status === "failed" || grant.status === "queued"));

/** The revocation's retry window opens with the request, or again with the merchant's retry. */
const revocationAskedAt = (grant: Grant) =>
  grant.queuedAt && grant.queuedAt > grant.revokeRequestedAt!
    ? grant.queuedAt
    : grant.revokeRequestedAt!;

function claimRevocations(db: Database, now: Date, settings: FulfillmentSettings) {
  return claimGrants(db, {
    due: and(isNotNull(grants.revokeRequestedAt), ne(grants.status, "revoked"))!,
    now,
    limit: settings.batchSize,
    leaseMs: settings.leaseMs,
  });
}

type Plan = {
  outcome:
    | "kept"
    | "lowered"
    | "invitation_cancelled"
    | "collaborator_removed"
    | "team_member_removed"
    | "nothing_on_github";
  detail?: Record<string, unknown>;
  call?: () => Promise<GithubResult<unknown>>;
};

/**
 * A team membership (active or pending) goes unless another paid order keeps it; a maintainer
 * whose remaining order pays for a plain membership becomes a member. Leaving the team does not
 * take the buyer out of the organization.
 */
async function planTeamRevocation(
  db: Database,
  github: FulfillmentGithub,
  grant: Grant,
): Promise<Plan> {
  const onGithub = hadAccess(grant) || grant.status === "invited";
  const remaining = await otherPaidGrants(db, grant);
  if (remaining.length > 0) {
    const keptBy = remaining.find((r) => r.teamRole === "maintainer") ?? remaining[0]!;
    if (!onGithub || grant.teamRole !== "maintainer" || keptBy.teamRole === "maintainer") {
      return { outcome: "kept", detail: { keptBy: keptBy.id } };
    }
    return {
      outcome: "lowered",
      detail: { to: "member", keptBy: keptBy.id },
      call: () => github.addTeamMember({ ...teamMember(grant), role: "member" }),
    };
  }
  if (!onGithub) return { outcome: "nothing_on_github" };
  return {
    outcome: "team_member_removed",
    call: () => github.removeTeamMember(teamMember(grant)),
  };
}

/** What revoking this grant means on GitHub, given what other paid orders still entitle. */
async function planRevocation(
  db: Database,
  github: FulfillmentGithub,
  grant: Grant,
): Promise<Plan> {
  if (grant.kind === "github_team") return planTeamRevocation(db, github, grant);
  const repo = { owner: grant.owner!, repo: grant.repo! };
  const pendingInvitation = grant.invitationId !== null && !hadAccess(grant);
  const onGithub = hadAccess(grant) || pendingInvitation;
  const remaining = await otherPaidGrants(db, grant);
  if (remaining.length > 0) {
    const kept = remaining.reduce((a, b) =>
      permissionRank(b.permission) > permissionRank(a.permission) ? b : a,
    );
    const keptPermission = kept.permission;
    const lower =
      onGithub &&
      isBasePermission(grant.permission) &&
      isBasePermission(keptPermission) &&
      permissionRank(keptPermission) < permissionRank(grant.permission);
    if (!lower) return { outcome: "kept", detail: { keptBy: kept.id } };
    return {
      outcome: "lowered",
      detail: { to: keptPermission, keptBy: kept.id },
      // On an org repo, a PUT for an existing collaborator changes the role (204).
      call: pendingInvitation
        ? () =>
            github.updateInvitationPermission({
              ...repo,
              invitationId: grant.invitationId!,
              permission: keptPermission,
            })
        : () =>
            github.invite({ ...repo, username: grant.githubLogin!, permission: keptPermission }),
    };
  }
  if (pendingInvitation) {
    return {
      outcome: "invitation_cancelled",
      call: () => github.cancelInvitation({ ...repo, invitationId: grant.invitationId! }),
    };
  }
  if (hadAccess(grant)) {
    return {
      outcome: "collaborator_removed",
      call: () => github.removeCollaborator({ ...repo, username: grant.githubLogin! }),
    };
  }
  // Never reached GitHub (waiting, queued, failed, declined): nothing to take away.
  return { outcome: "nothing_on_github" };
}

async function revokeOne(
  db: Database,
  github: FulfillmentGithub,
  grant: Grant,
  settings: FulfillmentSettings,
): Promise<keyof RevocationSummary> {
  const plan = await planRevocation(db, github, grant);
  const result = plan.call ? await plan.call() : undefined;
  const now = settings.clock();
  if (result) await recordGithubCalls(db, grant.id, `revoke:${plan.outcome}`, result, now);
  if (result && !result.ok) return postpone(db, grant, result.error, settings, now);

  await transitionGrant(db, {
    grants: grant.id,
    leased: grant,
    set: {
      status: "revoked",
      revokedAt: now,
      lockedUntil: null,
      nextAttemptAt: null,
      lastError: null,
    },
    event: {
      kind: "revoked",
      at: now,
      detail: { outcome: plan.outcome, reason: grant.revokeReason, ...plan.detail },
    },
  });
  if (plan.outcome === "kept") return "kept";
  return plan.outcome === "lowered" ? "lowered" : "revoked";
}

/**
 * A failed revocation keeps its request and follows the one retry policy: due again after a
 * backoff while the window that opened with the request lasts, else `failed` with the reason
 * for the merchant.
 */
async function postpone(
  db: Database,
  grant: Grant,
  error: GithubError,
  settings: FulfillmentSettings,
  now: Date,
): Promise<keyof RevocationSummary> {
  const failure = failureChanges(grant, error, settings, revocationAskedAt(grant), now);
  await transitionGrant(db, {
    grants: grant.id,
    leased: grant,
    set: { ...failure.changes, lockedUntil: null },
    event: { kind: failure.event, at: now, detail: { ...failure.detail, during: "revocation" } },
  });
  return failure.changes.status === "failed" ? "failed" : "retry";
}

/** Takes away the access of every grant whose revocation is due, batch after batch. */
export async function runRevocations(
  db: Database,
  github: FulfillmentGithub,
  settings: FulfillmentSettings,
): Promise<RevocationSummary> {
  const summary: RevocationSummary = {
    claimed: 0,
    revoked: 0,
    lowered: 0,
    kept: 0,
    retry: 0,
    failed: 0,
  };
  for (;;) {
    const batch = await claimRevocations(db, settings.clock(), settings);
    if (batch.length === 0) return summary;
    summary.claimed += batch.length;
    for (const grant of batch) {
      try {
        summary[await revokeOne(db, github, grant, settings)] += 1;
      } catch (error) {
        // The lease runs out and the revocation is tried again.
        console.error(`[revocation] grant ${grant.id} failed unexpectedly`, error);
      }
    }
  }
}
