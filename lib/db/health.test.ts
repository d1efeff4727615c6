import { sql } from "drizzle-orm";
import postgres from "postgres";
import { expect, it } from "vitest";
import { receiveOrderWebhook } from "../orders/receive-order-webhook";
import { describeEachDatabase } from "@/test/support/database";
import { TEST_WEBHOOK_SECRET } from "@/test/support/sign-order-webhook";
import { checkDatabaseHealth } from "./health";
import { openPostgres } from "./open";
import type { DatabaseHandle } from "./types";

const NOW = new Date("2026-11-23T10:00:00Z");

/** Holds the lock a stuck migration or a forgotten psql session would hold, until released. */
async function holdTableLock(database: {
  kind: string;
  handle(): DatabaseHandle;
  url(): string | undefined;
}) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  let done: Promise<unknown>;
  if (database.kind === "postgres") {
    const other = postgres(database.url()!, { max: 1, onnotice: () => {} });
    done = other
      .begin(async (tx) => {
        await tx`lock table webhook_rejections in access exclusive mode`;
        locked();
        await released;
      })
      .finally(() => other.end());
  } else {
    // PGlite has one connection: a transaction left open blocks everything behind it.
    done = database.handle().db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      locked();
      await released;
    });
  }
  await isLocked;
  return async () => {
    release();
    await done;
  };
}

describeEachDatabase("database health and timeouts", (database) => {
  it("health reports a locked database as unhealthy, and healthy once the lock is gone", async () => {
    const release = await holdTableLock(database);
    try {
      const health = await checkDatabaseHealth(database.handle(), 500);
      expect(health).toMatchObject({ ok: false, database: database.kind });
      expect(health.ok ? "" : health.error).toMatch(/did not answer/);
    } finally {
      await release();
    }
    expect(await checkDatabaseHealth(database.handle(), 5_000)).toMatchObject({ ok: true });
  });

  if (database.kind === "postgres") {
    it("an unsigned request is answered 401 while its log table is locked, within the lock timeout", async () => {
      const handle = await openPostgres(database.url()!, { max: 2, timeouts: { lockMs: 200 } });
      const release = await holdTableLock(database);
      try {
        const answer = await receiveOrderWebhook(
          handle.db,
          new Request("http://localhost/api/webhooks/orders", {
            method: "POST",
            headers: { "webhook-id": "x", "webhook-timestamp": "1", "webhook-signature": "v1,x" },
            body: "{}",
          }),
          { secrets: [TEST_WEBHOOK_SECRET], now: NOW },
        );
        expect(answer.status).toBe(401);
      } finally {
        await release();
        await handle.close();
      }
    });

    it("a statement running past the statement timeout is cancelled", async () => {
      const handle = await openPostgres(database.url()!, {
        max: 1,
        timeouts: { statementMs: 100 },
      });
      try {
        await expect(handle.db.execute(sql`select pg_sleep(5)`)).rejects.toMatchObject({
          cause: { code: "57014" },
        });
      } finally {
        await handle.close();
      }
    });
  }
});
