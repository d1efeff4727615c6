import { and, eq, inArray, type SQL } from "drizzle-orm";
import { grants } from "../db/schema";
import type { Database } from "../db/types";
import { writeWithEvents, type GrantEvent } from "./events";
import type { Grant, GrantChanges, GrantStatus } from "./grant";
import { leaseHeld } from "./lease";

export interface Transition {
  /** One grant by id, or every grant matching a condition (all the grants of an order). */
  grants: number | SQL;
  /** Applies only while the grant is in one of these states. */
  from?: readonly GrantStatus[];
  /** The claimed grant whose lease the caller holds: applies only while the lease is ours. */
  leased?: Pick<Grant, "id" | "lockedUntil">;
  /** Any further condition (e.g. "not being revoked"). */
  when?: SQL;
  /** The new status and the columns that change with it. */
  set: GrantChanges;
  /** The grant_events row written with the change; `at` is also the grant's updated_at. */
  event: GrantEvent;
}

/**
 * The one way a grant changes status: the row and its `grant_events` row are written in one
 * statement, and only when the guards hold. Returns the ids of the grants that changed — none
 * when the lease was lost or the grant had moved on, and then no event is written either.
 */
export async function transitionGrants(db: Database, transition: Transition): Promise<number[]> {
  const { grants: which, from, leased, when, set, event } = transition;
  const update = db
    .update(grants)
    .set({ ...set, updatedAt: event.at })
    .where(
      and(
        typeof which === "number" ? eq(grants.id, which) : which,
        from ? inArray(grants.status, [...from]) : undefined,
        leased ? leaseHeld(leased) : undefined,
        when,
      ),
    )
    .returning({ id: grants.id });
  return writeWithEvents(db, update, event);
}

/** transitionGrants for one grant: whether it applied. */
export async function transitionGrant(
  db: Database,
  transition: Transition & { grants: number },
): Promise<boolean> {
  return (await transitionGrants(db, transition)).length > 0;
}
