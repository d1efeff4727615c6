import { and, eq, isNull } from "drizzle-orm";
import { buyers, grants } from "../../db/schema";
import type { Database } from "../../db/types";
import type { Grant } from "../grant";
import { leaseHeld } from "../lease";
import { transitionGrant } from "../transition";

/**
 * Stores the current login GitHub gave for the grant's account id, on the leased grant and on
 * the buyer; a rename is recorded as an event. Returns the updated grant, or undefined when
 * the lease was lost.
 */
export async function recordLogin(
  db: Database,
  grant: Grant,
  login: string,
  now: Date,
): Promise<Grant | undefined> {
  const stored = grant.githubLogin
    ? await transitionGrant(db, {
        grants: grant.id,
        leased: grant,
        set: { githubLogin: login },
        event: { kind: "renamed", at: now, detail: { from: grant.githubLogin, to: login } },
      })
    : (
        await db
          .update(grants)
          .set({ githubLogin: login, updatedAt: now })
          .where(leaseHeld(grant))
          .returning({ id: grants.id })
      ).length > 0;
  if (!stored) return undefined;
  if (grant.githubUserId !== null) {
    await db
      .update(buyers)
      .set({ githubLogin: login, updatedAt: now })
      .where(eq(buyers.githubUserId, grant.githubUserId));
  }
  return { ...grant, githubLogin: login, updatedAt: now };
}

/**
 * Fills in the login of a grant that knew only its account's id, as GitHub just answered it
 * (an order may name the buyer by id alone). Only a missing login is filled, so no lease is
 * needed: from then on the grant is recognised by login too, as another order naming that
 * login is.
 */
export async function learnLogin(
  db: Database,
  grantId: number,
  login: string,
  now: Date,
): Promise<void> {
  await db
    .update(grants)
    .set({ githubLogin: login, updatedAt: now })
    .where(and(eq(grants.id, grantId), isNull(grants.githubLogin)));
}

/** Forgets a stale invitation the leased grant's worker deleted on GitHub (before a resend). */
export async function forgetInvitation(
  db: Database,
  grant: Grant,
  now: Date,
): Promise<Grant | undefined> {
  const [updated] = await db
    .update(grants)
    .set({
      invitationId: null,
      invitationUrl: null,
      invitedAt: null,
      expiresAt: null,
      updatedAt: now,
    })
    .where(leaseHeld(grant))
    .returning();
  return updated;
}
