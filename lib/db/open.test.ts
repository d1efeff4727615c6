import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openPglite } from "./open";
import { listActiveProducts } from "../products/queries";
import { products } from "./schema";

describe("embedded PGlite on disk", () => {
  const dirs: string[] = [];
  const newDataDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), "repogrant-pglite-"));
    dirs.push(dir);
    return path.join(dir, "pglite");
  };
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it("keeps its data after the database is closed and opened again", async () => {
    const dataDir = newDataDir();
    const first = await openPglite(dataDir);
    await first.db.insert(products).values({ slug: "kept", name: "Kept after restart" });
    await first.close();

    const second = await openPglite(dataDir);
    expect((await listActiveProducts(second.db)).map((p) => p.slug)).toEqual(["kept"]);
    await second.close();
  });

  it("refuses a second open of the same directory while the first holds it", async () => {
    const dataDir = newDataDir();
    const first = await openPglite(dataDir);
    try {
      await expect(openPglite(dataDir)).rejects.toThrow(/is in use by pid/);
    } finally {
      await first.close();
    }
  });

  it("takes over a lock left by a process that is gone", async () => {
    const dataDir = newDataDir();
    // A pid far above the kernel's default pid_max cannot be alive.
    writeFileSync(`${dataDir}.lock`, "99999999\nleft-by-a-crash");
    const handle = await openPglite(dataDir);
    expect(readFileSync(`${dataDir}.lock`, "utf8")).toMatch(new RegExp(`^${process.pid}\\n`));
    await handle.close();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });
});
