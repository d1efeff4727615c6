import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import {
  E2E_DATA_DIR,
  E2E_GITHUB_PORT,
  E2E_ORDER_WEBHOOK_SECRET,
  E2E_PORT,
} from "../playwright.config";
import { startGithubEmulator, type GithubEmulator } from "../sandbox/github/emulator";
import { createThrowawayPostgres } from "../test/support/throwaway-postgres";
import { startServerProcess, waitForHealth, type ServerProcess } from "./support/server-process";
import { signedOrderDelivery as signed } from "./support/signed-order-delivery";

// Issue 11, reproduction 2, with a real crash: `npm start` is killed with SIGKILL after GitHub
// (the emulator, in this process so it survives) created the invitation and before the server
// heard the 201 — the emulator holds its answer until the kill is done, so no timing is
// guessed. Restarted, the server is told of a refund: the buyer must end with no access and no
// open invitation, on GitHub's own state.
const databaseUrl = process.env.TEST_DATABASE_URL;
const PUT = "PUT /repos/{owner}/{repo}/collaborators/{username}";
const PORT = E2E_PORT + 5;
const app = `http://localhost:${PORT}`;
const LEASE_SECONDS = 2;

test.describe("a server killed between GitHub's 201 and its commit (npm start, PostgreSQL)", () => {
  test.skip(!databaseUrl && process.env.CI !== "true", "TEST_DATABASE_URL is not set");

  let github: GithubEmulator;
  let database: Awaited<ReturnType<typeof createThrowawayPostgres>>;
  let server: ServerProcess | null = null;
  const dataDir = `${E2E_DATA_DIR}-crash`;

  const start = async () => {
    server = startServerProcess(PORT, {
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      GITHUB_TOKEN: "sandbox-admin-token",
      GITHUB_API_URL: github.url,
      GITHUB_WRITE_INTERVAL_MS: "0",
      FULFILLMENT_LEASE_SECONDS: String(LEASE_SECONDS),
      ORDER_WEBHOOK_SECRET: E2E_ORDER_WEBHOOK_SECRET,
      SANDBOX: "",
      LOGTO_ENDPOINT: "",
    });
    await waitForHealth(app);
  };

  test.beforeAll(async () => {
    expect(databaseUrl, "TEST_DATABASE_URL must be set when CI=true").toBeTruthy();
    rmSync(dataDir, { recursive: true, force: true });
    github = await startGithubEmulator({ port: E2E_GITHUB_PORT + 5 });
    database = await createThrowawayPostgres(databaseUrl!);
  });

  test.afterAll(async () => {
    await server?.stop();
    await github?.close();
    await database?.drop();
  });

  test("the refund after the restart leaves the buyer no access and no open invitation", async ({
    request,
  }) => {
    test.setTimeout(180_000);
    await start();
    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    try {
      await sql`insert into products (slug, name) values ('toolkit', 'Toolkit')`;
      await sql`insert into entitlements (product_id, kind, owner, repo, permission)
        select id, 'github_repo', 'acme', 'toolkit', 'pull' from products where slug = 'toolkit'`;

      const hold = github.controls.holdNextResponse(PUT);
      const paid = {
        type: "order.paid",
        timestamp: new Date().toISOString(),
        data: { externalId: "crash-1", product: "toolkit", buyer: { githubLogin: "octocat" } },
      };
      const answered = await request.post(
        `${app}/api/webhooks/orders`,
        signed(paid, "msg_crash_1"),
      );
      expect(answered.status()).toBe(200);

      // GitHub made the invitation and would answer 201: the server dies before hearing it.
      expect(await hold.held).toBe(201);
      const killed = server!;
      process.kill(-killed.child.pid!, "SIGKILL");
      expect(await killed.exited).toBeNull();
      hold.release();
      const invited = () =>
        github.controls.snapshot().invitations.filter((i) => i.inviteeId === 583231);
      expect(invited()).toHaveLength(1);
      // Nothing of GitHub's answer reached the database.
      const [grant] = await sql<{ status: string; invitation_id: string | null }[]>`
        select status, invitation_id from grants`;
      expect(grant).toMatchObject({ status: "queued", invitation_id: null });

      await start();
      const refunded = {
        type: "order.refunded",
        timestamp: new Date().toISOString(),
        data: { externalId: "crash-1" },
      };
      const refund = await request.post(
        `${app}/api/webhooks/orders`,
        signed(refunded, "msg_crash_2"),
      );
      expect(refund.status()).toBe(200);

      // The dead server's lease runs out (FULFILLMENT_LEASE_SECONDS), then the revocation runs.
      await expect
        .poll(async () => (await sql<{ status: string }[]>`select status from grants`)[0]?.status, {
          timeout: 60_000,
        })
        .toBe("revoked");
      expect(invited()).toEqual([]);
      const access = await fetch(`${github.url}/repos/acme/toolkit/collaborators/octocat`, {
        headers: { authorization: "Bearer sandbox-admin-token" },
      });
      expect(access.status).toBe(404);
      // The buyer, trying to accept the invitation they were emailed, finds none.
      const own = await fetch(`${github.url}/user/repository_invitations`, {
        headers: { authorization: "Bearer sandbox-token-octocat" },
      });
      expect(await own.json()).toEqual([]);
    } finally {
      await sql.end();
    }
  });
});
