import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { grantEvents } from "../../db/schema";
import { rowsOf } from "../../db/rows";
import type { Database } from "../../db/types";

const DAY_MS = 24 * 60 * 60_000;

export type QuotaReservation = { ok: true; eventId: number } | { ok: false; freesAt: Date };

/**
 * GitHub allows 50 invitations per repository per 24 h, and answers the 51st with a 422. We
 * count our own invitation requests instead of provoking it: an `invite` event is written
 * BEFORE the request (so a crash mid-request still counts) and counts unless GitHub answered
 * that it created nothing. A per-repository advisory lock makes concurrent workers take turns.
 */
export function reserveInviteSlot(
  db: Database,
  target: { grantId: number; owner: string; repo: string; limit: number; now: Date },
): Promise<QuotaReservation> {
  return reserveSlot(db, {
    ...target,
    kind: "invite",
    key: `${target.owner}/${target.repo}`,
    sameTarget: sql`lower(g.owner) = lower(${target.owner}) and lower(g.repo) = lower(${target.repo})
      and (e.github_status is null or e.github_status = 201)`,
  });
}

/**
 * Adding a non-member to a team sends an organization invitation, and GitHub limits those per
 * organization (50 per 24 h; 500 for organizations older than a month or on a paid plan). The
 * same bookkeeping as repository invitations: an `org_invite` event reserved before the PUT,
 * kept only when the PUT left a pending membership (an invitation was sent).
 */
export function reserveOrgInviteSlot(
  db: Database,
  target: { grantId: number; org: string; limit: number; now: Date },
): Promise<QuotaReservation> {
  return reserveSlot(db, {
    ...target,
    kind: "org_invite",
    key: `org:${target.org}`,
    sameTarget: sql`lower(g.org) = lower(${target.org})`,
  });
}

async function reserveSlot(
  db: Database,
  target: {
    grantId: number;
    kind: "invite" | "org_invite";
    key: string;
    sameTarget: SQL;
    limit: number;
    now: Date;
  },
): Promise<QuotaReservation> {
  const windowStart = new Date(target.now.getTime() - DAY_MS);
  return db.transaction(async (tx) => {
    const key = target.key.toLowerCase();
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
    // Only the limit-th newest request in the window matters: none means a slot is free, and
    // it is the one whose leaving the window frees the next slot. Reading every request instead
    // made each reservation cost as much as the day's invitations.
    const [limitTh] = rowsOf<{ at: Date | string }>(
      await tx.execute(sql`
        select e.at from grant_events e join grants g on g.id = e.grant_id
        where e.kind = ${target.kind} and e.at > ${windowStart.toISOString()}::timestamptz
          and ${target.sameTarget}
        order by e.at desc offset ${target.limit - 1} limit 1`),
    );
    if (limitTh) {
      return { ok: false, freesAt: new Date(new Date(limitTh.at).getTime() + DAY_MS) };
    }
    const [event] = await tx
      .insert(grantEvents)
      .values({ grantId: target.grantId, at: target.now, kind: target.kind, detail: {} })
      .returning({ id: grantEvents.id });
    return { ok: true, eventId: event!.id };
  });
}

/**
 * A grant claimed again after a worker died: its reserved slots whose request never got an
 * answer. When GitHub lists no open invitation for the account, that request created none, so
 * the slot goes back to the pool instead of staying spent for 24 h. (Had it created one that the
 * buyer accepted within the lease, we count one too few; the 50th request's 422 then says so.)
 */
export async function releaseUnansweredInviteSlots(db: Database, grantId: number) {
  await db
    .delete(grantEvents)
    .where(
      and(
        eq(grantEvents.grantId, grantId),
        inArray(grantEvents.kind, ["invite", "org_invite"]),
        isNull(grantEvents.githubStatus),
      ),
    );
}

/** Gives back a slot this worker reserved and will not use (its request is not sent). */
export async function releaseInviteSlot(db: Database, eventId: number) {
  await db.delete(grantEvents).where(eq(grantEvents.id, eventId));
}

/**
 * Settles an organization-invitation slot after the team PUT: kept (with GitHub's status) when
 * the membership is pending — an invitation went out — and given back otherwise (an org member
 * joined at once, or GitHub refused).
 */
export async function settleOrgInviteSlot(
  db: Database,
  eventId: number,
  outcome: { invitationSent: boolean; githubStatus: number | null },
) {
  if (!outcome.invitationSent) return releaseInviteSlot(db, eventId);
  await db
    .update(grantEvents)
    .set({ githubStatus: outcome.githubStatus ?? 200 })
    .where(eq(grantEvents.id, eventId));
}
