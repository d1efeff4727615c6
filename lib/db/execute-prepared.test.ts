import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachDatabase } from "../../test/support/database";
import { executePrepared } from "./execute-prepared";
import { rowsOf } from "./rows";

describeEachDatabase("statements run prepared", (database) => {
  it("runs a statement as a named prepared statement", async () => {
    const result = await executePrepared(
      database.db(),
      sql`select name, statement from pg_prepared_statements where from_sql = ${false}`,
    );
    const statements = rowsOf<{ name: string; statement: string }>(result);
    // The statement sees itself: it was parsed under a name before it ran.
    expect(statements.map((s) => s.statement)).toContainEqual(
      expect.stringContaining("from pg_prepared_statements"),
    );
  });

  it("gives the same answer the second time, from the statement prepared the first time", async () => {
    const run = (n: number) =>
      executePrepared(database.db(), sql`select ${n}::int * 2 as doubled, ${"ok"}::text as word`);
    expect(rowsOf(await run(2))).toEqual([{ doubled: 4, word: "ok" }]);
    expect(rowsOf(await run(21))).toEqual([{ doubled: 42, word: "ok" }]);
    await expect(run(2 ** 30)).rejects.toMatchObject({ code: "22003" });
    expect(rowsOf(await run(5))).toEqual([{ doubled: 10, word: "ok" }]);
  });

  it("runs inside a transaction on the transaction's connection", async () => {
    const seen = await database.db().transaction(async (tx) => {
      await tx.execute(sql`create temporary table only_in_this_session (n int) on commit drop`);
      return rowsOf<{ n: number }>(
        await executePrepared(tx, sql`select count(*)::int as n from only_in_this_session`),
      );
    });
    expect(seen).toEqual([{ n: 0 }]);
  });

  it("never runs a prepared statement on a connection that runs transactions", async () => {
    // postgres.js pipelines queries onto a connection running a prepared statement, and a
    // transaction's BEGIN pipelined there fails (UNSAFE_TRANSACTION, seen in bench B2): the
    // two must live on separate connections.
    const pidsOf = async (run: () => Promise<unknown>) => {
      const pids = new Set<number>();
      for (let i = 0; i < 10; i++) {
        for (const row of rowsOf<{ pid: number }>(await run())) pids.add(row.pid);
      }
      return pids;
    };
    const db = database.db();
    const prepared = await pidsOf(() =>
      executePrepared(db, sql`select pg_backend_pid() as pid, ${1}::int as one`),
    );
    const transactions = await pidsOf(() =>
      db.transaction((tx) => tx.execute(sql`select pg_backend_pid() as pid`)),
    );
    if (database.kind === "postgres") {
      expect([...prepared].filter((pid) => transactions.has(pid))).toEqual([]);
    } else {
      expect(prepared).toEqual(transactions); // one embedded backend does everything
    }
  });
});
