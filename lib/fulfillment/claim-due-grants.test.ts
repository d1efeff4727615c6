import { beforeEach, expect, it } from "vitest";
import { grants } from "../db/schema";
import { openPostgres } from "../db/open";
import { describeEachDatabase, truncateAll } from "@/test/support/database";
import { createProduct } from "../products/create-product";
import { receiveOrderWebhook } from "../orders/receive-order-webhook";
import { signedOrderRequest, TEST_WEBHOOK_SECRET } from "@/test/support/sign-order-webhook";
import {
  engineAgainst,
  payFor,
  seedWithBuyers,
  repoProduct,
} from "@/test/support/fulfillment-fixtures";
import { useGithubEmulator } from "@/test/support/github-emulator";
import { runFulfillment } from "./run-fulfillment";

const PUT = "PUT /repos/{owner}/{repo}/collaborators/{username}";

function putsPerUser(entries: readonly { method: string; route: string; path: string }[]) {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    if (`${entry.method} ${entry.route}` !== PUT) continue;
    counts.set(entry.path, (counts.get(entry.path) ?? 0) + 1);
  }
  return counts;
}

// PGlite has a single connection, so these races can only really happen on PostgreSQL; they
// run on both to prove the same code is correct either way.
describeEachDatabase("fulfillment under concurrency", (database) => {
  const emulator = useGithubEmulator({ seed: seedWithBuyers(200) });
  beforeEach(() => truncateAll(database.db()));

  it("50 concurrent deliveries of one signed event send exactly one invitation per grant", async () => {
    const db = database.db();
    const { github, settings } = engineAgainst(emulator());
    await createProduct(db, {
      slug: "bundle",
      name: "Bundle",
      entitlements: [
        { kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" },
        { kind: "github_repo", owner: "acme-admin", repo: "dotfiles", permission: "push" },
      ],
    });
    const request = signedOrderRequest(
      {
        type: "order.paid",
        data: { externalId: "ord_storm", product: "bundle", buyer: { githubLogin: "octocat" } },
      },
      { id: "msg_storm", at: settings.clock() },
    );
    // Each delivery wakes the engine, as the route's after() does.
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        await receiveOrderWebhook(db, request.clone(), {
          secrets: [TEST_WEBHOOK_SECRET],
          now: settings.clock(),
        });
        await runFulfillment(db, github, settings);
      }),
    );
    const rows = await db.select().from(grants);
    expect(rows.map((g) => g.status).sort()).toEqual(["invited", "invited"]);
    expect(emulator().requestLog.count(PUT)).toBe(2);
  });

  // PGlite has one connection: a second instance on it is not a thing that can happen.
  if (database.kind !== "postgres") return;
  it("two engine instances on one PostgreSQL invite each of 200 grants exactly once", async () => {
    const db = database.db();
    emulator().controls.setInviteDailyLimit(1000);
    const settings = { dailyInviteLimit: 1000 };
    await repoProduct(db);
    const first = engineAgainst(emulator(), { settings });
    for (let i = 1; i <= 200; i++) {
      await payFor(db, "toolkit", `buyer-${String(i).padStart(3, "0")}`, first.settings.clock());
    }
    const otherInstance = await openPostgres(database.url()!);
    try {
      const second = engineAgainst(emulator(), { settings });
      const [a, b] = await Promise.all([
        runFulfillment(db, first.github, first.settings),
        runFulfillment(otherInstance.db, second.github, second.settings),
      ]);
      expect(a.invited + b.invited).toBe(200);
      // Both did part of the work.
      expect(Math.min(a.invited, b.invited)).toBeGreaterThan(0);
    } finally {
      await otherInstance.close();
    }
    const counts = putsPerUser(emulator().requestLog.entries);
    expect(counts.size).toBe(200);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const statuses = new Set((await db.select().from(grants)).map((g) => g.status));
    expect([...statuses]).toEqual(["invited"]);
  });
});
