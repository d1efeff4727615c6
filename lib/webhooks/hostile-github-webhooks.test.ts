import { sign } from "@octokit/webhooks-methods";
import { expect, it } from "vitest";
import { grants, webhookDeliveries } from "../db/schema";
import type { Database } from "../db/types";
import { checkMemberAccess } from "../fulfillment/check-member-access";
import { runFulfillment } from "../fulfillment/run-fulfillment";
import { describeEachDatabase, truncateAll } from "@/test/support/database";
import { engineAgainst, payFor, repoProduct } from "@/test/support/fulfillment-fixtures";
import { useGithubEmulator } from "@/test/support/github-emulator";
import { receiveGithubWebhook } from "./receive-github-webhook";

// Security corpus (issue 17): GitHub webhooks nobody should be able to use to change access.

const SECRET = "hostile-github-secret";
let delivery = 0;

async function githubDelivery(
  payload: unknown,
  options: { event?: string; secret?: string; signature?: string } = {},
) {
  const body = JSON.stringify(payload);
  delivery += 1;
  return new Request("http://localhost/api/webhooks/github", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": options.event ?? "member",
      "x-github-delivery": `hostile-${delivery}`,
      "x-hub-signature-256": options.signature ?? (await sign(options.secret ?? SECRET, body)),
    },
    body,
  });
}

const memberEvent = (
  action: "added" | "removed",
  repo: { owner: string; name: string },
  extra: Record<string, unknown> = {},
) => ({
  action,
  member: { login: "octocat", id: 583231, type: "User" },
  repository: {
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    owner: { login: repo.owner },
  },
  sender: { login: "acme-admin", id: 1 },
  ...extra,
});

const grantState = async (db: Database) =>
  (await db.select().from(grants)).map((g) => [
    g.status,
    g.invitationId,
    g.acceptedAt,
    g.revokedAt,
  ]);

describeEachDatabase("hostile GitHub webhooks", (database) => {
  const emulator = useGithubEmulator();

  /** Delivers `request` as the route does: answer, then check the hint on GitHub. */
  async function deliver(request: Request) {
    const run = engineAgainst(emulator());
    const answer = await receiveGithubWebhook(database.db(), request, {
      secret: SECRET,
      now: run.settings.clock(),
    });
    if (answer.applied) {
      await checkMemberAccess(database.db(), run.github, answer.applied, run.settings.clock);
    }
    return answer;
  }

  async function invitedOctocat() {
    const db = database.db();
    await truncateAll(db);
    const run = engineAgainst(emulator());
    await repoProduct(db);
    await payFor(db, "toolkit", "octocat", run.settings.clock());
    expect(await runFulfillment(db, run.github, run.settings)).toMatchObject({ invited: 1 });
    return { before: await grantState(db), writes: githubWrites() };
  }

  const githubWrites = () =>
    emulator().requestLog.entries.filter((entry) => entry.method !== "GET").length;

  it("a wrong or missing signature: 401, no delivery recorded, access unchanged", async () => {
    const { before } = await invitedOctocat();
    const toolkit = { owner: "acme", name: "toolkit" };
    for (const request of [
      await githubDelivery(memberEvent("added", toolkit), { secret: "guessed-secret" }),
      await githubDelivery(memberEvent("removed", toolkit), {
        signature: "sha256=" + "0".repeat(64),
      }),
      await githubDelivery(memberEvent("added", toolkit), { signature: "" }),
    ]) {
      expect((await deliver(request)).status).toBe(401);
    }
    const deliveries = await database.db().select().from(webhookDeliveries);
    expect(deliveries.filter((d) => d.source === "github")).toEqual([]);
    expect(await grantState(database.db())).toEqual(before);
  });

  it("events for a repository we do not sell change nothing and send nothing to GitHub", async () => {
    const { before, writes } = await invitedOctocat();
    for (const action of ["added", "removed"] as const) {
      const answer = await deliver(
        await githubDelivery(memberEvent(action, { owner: "acme-admin", name: "dotfiles" })),
      );
      expect(answer.status).toBe(200);
    }
    expect(await grantState(database.db())).toEqual(before);
    expect(githubWrites()).toBe(writes);
  });

  it("a delivery naming another installation, claiming octocat accepted or left, changes nothing", async () => {
    const { before, writes } = await invitedOctocat();
    const toolkit = { owner: "acme", name: "toolkit" };
    const foreign = { installation: { id: 424_242, node_id: "MDIz" } };
    for (const action of ["added", "removed"] as const) {
      expect(
        (await deliver(await githubDelivery(memberEvent(action, toolkit, foreign)))).status,
      ).toBe(200);
    }
    // GitHub still shows an open invitation: the grant stays invited, nothing is revoked.
    expect(await grantState(database.db())).toEqual(before);
    expect(githubWrites()).toBe(writes);
  });

  it("events of kinds we do not act on are acknowledged and change nothing", async () => {
    const { before } = await invitedOctocat();
    for (const event of ["push", "organization", "ping", "installation"]) {
      const answer = await deliver(
        await githubDelivery(
          { action: "deleted", zen: "x", repository: { name: "toolkit" } },
          { event },
        ),
      );
      expect(answer).toMatchObject({ status: 200, body: { ignored: true } });
    }
    expect(await grantState(database.db())).toEqual(before);
  });
});
