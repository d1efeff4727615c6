import { and, asc, eq, gt, sql } from "drizzle-orm";
import { grantEvents, grants } from "../../db/schema";
import type { Database } from "../../db/types";
import { resendInvitation } from "./resend-invitation";

/**
 * A buyer may ask for a new invitation this many times per grant in the window. GitHub's daily
 * invitation quota is the seller's, shared by every buyer of a repository; one buyer must not
 * spend it. The state is the `resend_requested` events themselves, so it survives restarts and
 * holds across instances.
 */
export const BUYER_RESEND_LIMIT = 3;
export const BUYER_RESEND_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

export type NewInvitationOutcome =
  | { ok: true }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "not_expired" }
  | { ok: false; reason: "rate_limited"; retryAt: Date };

/** "Send a new invitation" from the buyer's purchases page: only their own expired grants. */
export async function requestNewInvitation(
  db: Database,
  input: { buyerId: string; grantId: number; now: Date },
): Promise<NewInvitationOutcome> {
  const { buyerId, grantId, now } = input;
  const [grant] = await db
    .select({ status: grants.status })
    .from(grants)
    .where(and(eq(grants.id, grantId), eq(grants.buyerId, buyerId)));
  if (!grant) return { ok: false, reason: "not_found" };

  const recent = await db
    .select({ at: grantEvents.at })
    .from(grantEvents)
    .where(
      and(
        eq(grantEvents.grantId, grantId),
        eq(grantEvents.kind, "resend_requested"),
        sql`${grantEvents.detail}->>'by' = 'buyer'`,
        gt(grantEvents.at, new Date(now.getTime() - BUYER_RESEND_WINDOW_MS)),
      ),
    )
    .orderBy(asc(grantEvents.at));
  if (recent.length >= BUYER_RESEND_LIMIT) {
    const freed = recent[recent.length - BUYER_RESEND_LIMIT]!.at;
    return {
      ok: false,
      reason: "rate_limited",
      retryAt: new Date(freed.getTime() + BUYER_RESEND_WINDOW_MS),
    };
  }
  // The status is checked again inside the update, so two clicks at once queue one invitation.
  const queued = await resendInvitation(db, grantId, { buyerId }, now);
  return queued ? { ok: true } : { ok: false, reason: "not_expired" };
}
