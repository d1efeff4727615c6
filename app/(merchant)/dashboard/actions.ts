"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { merchantAction } from "@/lib/auth/actions";
import { getDb } from "@/lib/db";
import { retryGrantNow } from "@/lib/grants";
import { retryFailedGrants } from "@/lib/grants/retry-failed-grants";
import { summarizeAudit } from "@/lib/fulfillment/audit/describe-audit";
import { runAccessAuditNow, wakeFulfillment } from "@/lib/fulfillment/worker";

// Every page of the dashboard shows grants: after a change, all of them are re-read.
function settled() {
  after(() => wakeFulfillment());
  revalidatePath("/dashboard", "layout");
}

const retryInput = z.object({
  grantId: z.coerce
    .number({ error: "Enter the grant's number, for example 42." })
    .int("Enter the grant's number, for example 42.")
    .positive("Enter the grant's number, for example 42."),
});

/** The merchant's "retry now" for a grant that failed or waits for its next attempt. */
export const retryGrantAction = merchantAction(retryInput, async ({ grantId }, { now }) => {
  const retried = await retryGrantNow(await getDb(), grantId, now);
  if (!retried) {
    return {
      ok: false,
      error: `Grant ${grantId} cannot be retried: only a grant that failed or waits for a retry can be, and not while it is being sent.`,
    };
  }
  settled();
  return { ok: true, data: { grantId, message: "Retrying now." } };
});

const name = z.string().trim().min(1).max(100);
const scopeInput = z.union([
  z.object({ owner: name, repo: name }),
  z.object({ org: name, teamSlug: name }),
]);

/** "Retry all failed for this repository" (or team), after the merchant fixed the cause. */
export const retryFailedForTargetAction = merchantAction(scopeInput, async (scope, { now }) => {
  const retried = await retryFailedGrants(await getDb(), scope, now);
  if (retried === 0) return { ok: false, error: "Nothing left to retry there." };
  settled();
  return {
    ok: true,
    data: { message: `Retrying ${retried} ${retried === 1 ? "grant" : "grants"} now.` },
  };
});

/** "Run access audit now": the audit the worker runs hourly, at once, with its result. */
export const runAccessAuditAction = merchantAction(z.object({}), async () => {
  let audit;
  try {
    audit = await runAccessAuditNow();
  } catch (error) {
    // GitHub credentials missing or unusable: the message names what to set.
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  revalidatePath("/dashboard", "layout");
  if (!audit) return { ok: false, error: "The access audit did not run. Try again." };
  return { ok: true, data: { message: `Access audit done. ${summarizeAudit(audit)}` } };
});
