import type { Database } from "../db/types";
import { claimDueGrants } from "./claim-due-grants";
import type { FulfillmentGithub } from "./github-port";
import { processGrant, type GrantOutcome } from "./process-grant";
import type { FulfillmentSettings } from "./settings";

export type FulfillmentSummary = Record<GrantOutcome, number> & { claimed: number; errors: number };

/** Claims and processes due grants, batch after batch, until none is due. */
export async function runFulfillment(
  db: Database,
  github: FulfillmentGithub,
  settings: FulfillmentSettings,
): Promise<FulfillmentSummary> {
  const summary: FulfillmentSummary = {
    claimed: 0,
    invited: 0,
    active: 0,
    quota_wait: 0,
    retry: 0,
    failed: 0,
    lost_lease: 0,
    errors: 0,
  };
  for (;;) {
    const batch = await claimDueGrants(db, {
      now: settings.clock(),
      limit: settings.batchSize,
      leaseMs: settings.leaseMs,
      leaseClock: settings.leaseClock,
    });
    if (batch.length === 0) return summary;
    summary.claimed += batch.length;
    for (const grant of batch) {
      try {
        summary[await processGrant(db, github, grant, settings)] += 1;
      } catch (error) {
        // The grant keeps its lease and is picked up again once the lease runs out.
        summary.errors += 1;
        console.error(`[fulfillment] grant ${grant.id} failed unexpectedly`, error);
      }
    }
  }
}
