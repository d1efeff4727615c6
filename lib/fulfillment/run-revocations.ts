import { and, isNotNull, ne } from "drizzle-orm";
import { grants } from "../db/schema";
import type { Database } from "../db/types";
import type { GithubError } from "../github";
import {
  claimGrants,
  failureChanges,
  recordGithubWrite,
  transitionGrant,
  type Grant,
} from "../grants";
import type { FulfillmentGithub } from "./github-port";
import { planRevocation } from "./plan-revocation";
import type { FulfillmentSettings } from "./settings";

export interface RevocationSummary {
  claimed: number;
  revoked: number;
  lowered: number;
  kept: number;
  retry: number;
  failed: number;
}

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
    leaseClock: settings.leaseClock,
  });
}

async function revokeOne(
  db: Database,
  github: FulfillmentGithub,
  grant: Grant,
  settings: FulfillmentSettings,
): Promise<keyof RevocationSummary> {
  const planned = await planRevocation(db, github, grant, settings.clock);
  if (!planned.ok) return postpone(db, grant, planned.error, settings, settings.clock());
  const { plan } = planned;
  for (const call of plan.calls) {
    const result = await recordGithubWrite(
      db,
      grant.id,
      `revoke:${plan.outcome}`,
      settings.clock,
      call,
    );
    if (!result.ok) return postpone(db, grant, result.error, settings, settings.clock());
  }
  const remains = plan.confirm ? await plan.confirm() : null;
  if (remains) return postpone(db, grant, remains, settings, settings.clock());
  const now = settings.clock();

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
