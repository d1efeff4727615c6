import { and, eq, isNotNull, isNull, ne, or, sql } from "drizzle-orm";
import { grants } from "../../../lib/db/schema";
import type { Database } from "../../../lib/db/types";
import type { GithubEmulator } from "../../../sandbox/github/emulator";
import type { EnginePass } from "./steps";

/** The earliest moment a queued invitation or a pending revocation is due again, or null. */
async function nextDue(db: Database): Promise<Date | null> {
  const [row] = await db
    .select({
      at: sql<
        string | Date | null
      >`min(greatest(${grants.nextAttemptAt}, coalesce(${grants.lockedUntil}, ${grants.nextAttemptAt})))`,
    })
    .from(grants)
    .where(
      and(
        isNotNull(grants.nextAttemptAt),
        or(
          and(eq(grants.status, "queued"), isNull(grants.revokeRequestedAt)),
          and(isNotNull(grants.revokeRequestedAt), ne(grants.status, "revoked")),
        ),
      ),
    );
  return row?.at ? new Date(row.at) : null;
}

/** Fulfillment and revocation passes, the clock moved to each next due time, until none is due. */
async function drain(
  db: Database,
  emulator: GithubEmulator,
  runPass: (pass: EnginePass) => Promise<void>,
) {
  for (let round = 0; round < 60; round += 1) {
    await runPass("fulfill");
    await runPass("revoke");
    const due = await nextDue(db);
    if (!due) return;
    const wait = due.getTime() - emulator.controls.now();
    if (wait > 0) emulator.controls.advanceClock(wait);
  }
  throw new Error("the engine did not settle: grants were still due after 60 rounds");
}

/**
 * Lets the engine settle once a history is over, as its periodic loops would: passes until
 * nothing is due (a crashed pass's leases run out on the way), then one sync and one access
 * audit, each followed by whatever it queued.
 */
export async function settleEngine(
  db: Database,
  emulator: GithubEmulator,
  runPass: (pass: EnginePass) => Promise<void>,
) {
  await drain(db, emulator, runPass);
  await runPass("sync");
  await drain(db, emulator, runPass);
  await runPass("audit");
  await drain(db, emulator, runPass);
}
