import { afterEach, describe, expect, it } from "vitest";
import { startPgliteThread, type PgliteOnThread } from "./pglite-thread";

describe("PGlite on its own thread", () => {
  let client: PgliteOnThread | undefined;
  const start = async () => {
    client = await startPgliteThread();
    await client.query("create table items (id int primary key)");
    return client;
  };
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });
  const count = async (on: Pick<PgliteOnThread, "query">) =>
    (await on.query<{ n: number }>("select count(*)::int as n from items")).rows[0]?.n;

  it("passes an error back with its SQLSTATE and goes on answering", async () => {
    const db = await start();
    await db.query("insert into items (id) values ($1)", [1]);
    await expect(db.query("insert into items (id) values ($1)", [1])).rejects.toMatchObject({
      code: "23505",
      constraint: "items_pkey",
    });
    expect(await count(db)).toBe(1);
  });

  it("rolls a transaction back when its callback throws, keeping the callback's error", async () => {
    const db = await start();
    const failing = db.transaction(async (tx) => {
      await tx.query("insert into items (id) values ($1)", [1]);
      throw new Error("changed my mind");
    });
    await expect(failing).rejects.toThrow("changed my mind");
    expect(await count(db)).toBe(0);
    await db.transaction((tx) => tx.query("insert into items (id) values ($1)", [2]));
    expect(await count(db)).toBe(1);
  });

  it("keeps a statement sent from outside out of an open transaction", async () => {
    const db = await start();
    let outside: Promise<number | undefined> | undefined;
    await expect(
      db.transaction(async (tx) => {
        await tx.query("insert into items (id) values ($1)", [1]);
        // Were it run on the open transaction, it would see the uncommitted row.
        outside = count(db);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await outside).toBe(0);
  });

  it("runs a prepared statement again with other values, and after an error in it", async () => {
    const db = await start();
    const insert = (id: number) =>
      db.prepared("insert into items (id) values ($1) returning id", [id]);
    expect((await insert(1)).rows).toEqual([{ id: 1 }]);
    await expect(insert(1)).rejects.toMatchObject({ code: "23505" });
    expect((await insert(2)).rows).toEqual([{ id: 2 }]);
    expect(await count(db)).toBe(2);
  });

  it("answers every call after it was closed with a clear error", async () => {
    const db = await start();
    await db.close();
    await expect(count(db)).rejects.toThrow(/embedded database stopped/);
  });
});
