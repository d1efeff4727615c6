import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { grantEvents, grants } from "../db/schema";
import { describeEachDatabase, truncateAll } from "@/test/support/database";
import type { Database } from "../db/types";
import { engineAgainst, payFor, repoProduct } from "@/test/support/fulfillment-fixtures";
import { useGithubEmulator } from "@/test/support/github-emulator";
import { runFulfillment } from "./run-fulfillment";

async function grantById(db: Database, id: number) {
  const [grant] = await db.select().from(grants).where(eq(grants.id, id));
  return grant!;
}

describeEachDatabase("fulfillment under each kind of GitHub credentials", (database) => {
  beforeEach(() => truncateAll(database.db()));

  describe("as a GitHub App", () => {
    const emulator = useGithubEmulator();

    it("invites through the owner's installation, as the App's bot", async () => {
      const db = database.db();
      const run = engineAgainst(emulator(), { app: true });
      await repoProduct(db);
      const paid = await payFor(db, "toolkit", "octocat", run.settings.clock());
      expect(await runFulfillment(db, run.github, run.settings)).toMatchObject({ invited: 1 });
      expect(await grantById(db, paid.grantIds[0]!)).toMatchObject({ status: "invited" });
      const put = emulator().requestLog.entries.find((e) => e.method === "PUT");
      expect(put?.login).toBe("repogrant-sandbox[bot]");
    });

    it("a repository whose owner never installed the App fails with the fix, using no quota", async () => {
      const db = database.db();
      const run = engineAgainst(emulator(), { app: true });
      await repoProduct(db, { slug: "dotfiles", owner: "acme-admin", repo: "dotfiles" });
      const paid = await payFor(db, "dotfiles", "octocat", run.settings.clock());
      expect(await runFulfillment(db, run.github, run.settings)).toMatchObject({ failed: 1 });
      const grant = await grantById(db, paid.grantIds[0]!);
      expect(grant).toMatchObject({ status: "failed", lastError: { code: "app_not_installed" } });
      expect(grant.lastError?.message).toContain("acme-admin");
      expect(emulator().requestLog.entries.some((e) => e.method === "PUT")).toBe(false);
      const events = await db.select().from(grantEvents).where(eq(grantEvents.grantId, grant.id));
      // No invitation was sent, so none counts against the repository's daily limit.
      expect(events.map((e) => e.kind)).not.toContain("invite");
    });
  });

  describe("on GitHub Enterprise Server", () => {
    const emulator = useGithubEmulator({ mode: "ghes" });

    it("a collaborator added at once (204, no invitation) is active", async () => {
      const db = database.db();
      const run = engineAgainst(emulator());
      await repoProduct(db, { permission: "triage" });
      const paid = await payFor(db, "toolkit", "octocat", run.settings.clock());
      expect(await runFulfillment(db, run.github, run.settings)).toMatchObject({ active: 1 });
      expect(await grantById(db, paid.grantIds[0]!)).toMatchObject({
        status: "active",
        invitationId: null,
      });
    });
  });
});
