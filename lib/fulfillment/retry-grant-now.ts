import { and, eq, inArray, isNull, lte, or } from "drizzle-orm";
import { grantEvents, grants } from "../db/schema";
import type { Database } from "../db/types";

/**
 * The merchant's "retry now" for a grant that failed or is waiting for a retry: it is due at
 * once, and its retry window starts again (the merchant has presumably fixed the cause).
 */
export async function retryGrantNow(db: Database, grantId: number, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(grants)
      .set({
        status: "queued",
        nextAttemptAt: now,
        queuedAt: now,
        lockedUntil: null,
        updatedAt: now,
      })
      .where(
        and(
          eq(grants.id, grantId),
          inArray(grants.status, ["queued", "failed"]),
          // A grant a worker holds right now is already being retried.
          or(isNull(grants.lockedUntil), lte(grants.lockedUntil, now)),
        ),
      )
      .returning({ id: grants.id });
    if (updated.length === 0) return false;
    await tx.insert(grantEvents).values({ grantId, at: now, kind: "retry_requested" });
    return true;
  });
}
