import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../db";
import { rowsOf } from "../db/rows";
import { githubWriteTurns } from "../db/schema";
import type { SharedWriteTurns } from "../github";

// Waiting for the turn may rightly outlast the app's bounds (lib/db/open.ts: 3 s for a lock, 10 s
// for a statement): it waits behind other instances' writes, each up to a request's 20 s plus
// the interval. This bound is larger but finite: a turn not had by then fails like a network
// failure, retried later, so an instance stuck holding a turn never hangs the others. 60 s keeps
// one GitHub call (4 attempts with plugin-retry) within a grant's 5-minute lease in practice.
const TURN_WAIT_BOUND = "60s";
// Each pg_sleep stays well inside the statement bound even for a long write interval; the loop
// re-checks after every sleep.
const LONGEST_SLEEP_SECONDS = 30;

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Write turns shared through PostgreSQL by every instance on one database. A turn is a
 * transaction holding the credential's advisory lock: it waits, on the database's clock, until
 * the interval since the last write (github_write_turns) has passed, runs the write, and records
 * when it ended before the lock is released. Only for PostgreSQL: on PGlite one process owns the
 * database (its data-dir lock), the in-process queue suffices, and a turn would hold its one
 * connection for the length of a GitHub request.
 *
 * The write's own time stays below idle_in_transaction_session_timeout (30 s, lib/db/open.ts):
 * the only idle stretch of the transaction is the request, which times out at
 * GITHUB_REQUEST_TIMEOUT_MS (20 s); the pacing sleep runs inside the database (pg_sleep).
 */
export function postgresWriteTurns(database: () => Promise<Database>): SharedWriteTurns {
  return {
    async take<T>(credentialKey: string, intervalMs: number, write: () => Promise<T>) {
      // Set inside the transaction once the write was called, whatever happens after.
      const sent: { outcome?: Settled<T> } = {};
      try {
        const db = await database();
        await db.transaction(async (tx) => {
          await tx.execute(
            sql`select set_config('lock_timeout', ${TURN_WAIT_BOUND}, true),
                       set_config('statement_timeout', ${TURN_WAIT_BOUND}, true)`,
          );
          await tx.execute(
            sql`select pg_advisory_xact_lock(hashtextextended(${`github-write:${credentialKey}`}, 0))`,
          );
          // A statement apart from the lock's: under READ COMMITTED it sees the previous holder's
          // committed end, which a snapshot taken before the lock was granted would miss.
          for (;;) {
            const [row] = rowsOf<{ wait: number }>(
              await tx.execute(sql`
                select extract(epoch from last_finished_at
                         + ${intervalMs} * interval '1 millisecond' - clock_timestamp())::float8 as wait
                from ${githubWriteTurns} where ${githubWriteTurns.credentialKey} = ${credentialKey}`),
            );
            const wait = Number(row?.wait ?? 0);
            if (!(wait > 0)) break;
            await tx.execute(sql`select pg_sleep(${Math.min(wait, LONGEST_SLEEP_SECONDS)})`);
          }
          sent.outcome = await write().then(
            (value) => ({ ok: true, value }),
            (error: unknown) => ({ ok: false, error }),
          );
          await tx
            .insert(githubWriteTurns)
            .values({ credentialKey, lastFinishedAt: sql`clock_timestamp()` })
            .onConflictDoUpdate({
              target: githubWriteTurns.credentialKey,
              set: { lastFinishedAt: sql`excluded.last_finished_at` },
            });
        });
      } catch (error) {
        // No turn (the database unreachable, the wait past its bound): the write is not sent,
        // and the rejection reaches Octokit as a network failure, which the engine retries later.
        if (!sent.outcome) throw error;
        // The write was sent: its answer is what GitHub did, whatever became of the record.
        console.error("[repogrant] recording the end of a GitHub write failed", error);
      }
      const outcome = sent.outcome!;
      if (!outcome.ok) throw outcome.error;
      return outcome.value;
    },
  };
}
