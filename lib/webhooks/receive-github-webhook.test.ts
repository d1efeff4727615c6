import { randomUUID } from "node:crypto";
import { sign } from "@octokit/webhooks-methods";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { grants } from "../db/schema";
import { describeEachDatabase } from "@/test/support/database";
import type { Database } from "../db/types";
import { applyOrderEvent } from "../orders/apply-order-event";
import { createProduct } from "../products/create-product";
import { receiveGithubWebhook } from "./receive-github-webhook";

const NOW = new Date("2026-11-23T10:00:00Z");

const SECRET = "github-webhook-secret";

async function githubDelivery(
  payload: unknown,
  options: { event?: string; secret?: string; id?: string } = {},
) {
  const body = JSON.stringify(payload);
  return new Request("http://localhost/api/webhooks/github", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": options.event ?? "member",
      "x-github-delivery": options.id ?? randomUUID(),
      "x-hub-signature-256": await sign(options.secret ?? SECRET, body),
    },
    body,
  });
}

const memberAdded = (login: string, id: number, action = "added") => ({
  action,
  member: { login, id, type: "User" },
  repository: { name: "toolkit", full_name: "acme/toolkit", owner: { login: "acme" } },
  sender: { login, id },
});

async function invitedGrant(db: Database, login: string) {
  await createProduct(db, {
    slug: `gh-${login.toLowerCase()}`,
    name: "Toolkit",
    entitlements: [{ kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" }],
  });
  const paid = await applyOrderEvent(db, {
    source: "orders",
    deliveryId: `msg_${login}`,
    now: NOW,
    event: {
      type: "order.paid",
      data: {
        externalId: `o_${login}`,
        product: `gh-${login.toLowerCase()}`,
        buyer: { githubLogin: login },
      },
    },
  });
  const id = paid.grantIds[0]!;
  await db.update(grants).set({ status: "invited", invitationId: 1 }).where(eq(grants.id, id));
  return id;
}

const statusOf = async (db: Database, id: number) =>
  (await db.select({ status: grants.status }).from(grants).where(eq(grants.id, id)))[0]!.status;

describeEachDatabase("GitHub member webhook", (database) => {
  const receive = (request: Request, secret = SECRET) =>
    receiveGithubWebhook(database.db(), request, { secret, now: NOW });

  it("hands a member event over as a hint to check on GitHub, once per delivery, changing no grant", async () => {
    const db = database.db();
    const grantId = await invitedGrant(db, "Octocat");
    const delivery = await githubDelivery(memberAdded("octocat", 583231), { id: "d-accept" });
    const hint = {
      target: { owner: "acme", repo: "toolkit" },
      member: { login: "octocat", id: 583231 },
    };
    expect(await receive(delivery.clone())).toMatchObject({
      status: 200,
      body: { checking: true },
      applied: hint,
    });
    const again = await receive(delivery);
    expect(again).toMatchObject({ status: 200, body: { duplicate: true, checking: false } });
    expect(again.applied).toBeUndefined();

    // A "removed" event, genuine or replayed, is only a reason to ask GitHub too.
    const removed = await receive(await githubDelivery(memberAdded("octocat", 583231, "removed")));
    expect(removed).toMatchObject({ status: 200, applied: hint });
    expect(await statusOf(db, grantId)).toBe("invited");
  });

  it("changes nothing for a forged or unsigned delivery", async () => {
    const db = database.db();
    const grantId = await invitedGrant(db, "hubot");
    const forged = await githubDelivery(memberAdded("hubot", 7), { secret: "not-the-secret" });
    expect((await receive(forged)).status).toBe(401);
    const unsigned = await githubDelivery(memberAdded("hubot", 7));
    unsigned.headers.delete("x-hub-signature-256");
    expect((await receive(unsigned)).status).toBe(401);
    expect((await receive(await githubDelivery(memberAdded("hubot", 7)), "")).status).toBe(503);
    expect(await statusOf(db, grantId)).toBe("invited");
  });

  it("acknowledges events it does not act on", async () => {
    const answer = await receive(
      await githubDelivery({ zen: "Keep it simple." }, { event: "ping" }),
    );
    expect(answer).toMatchObject({ status: 200, body: { ignored: true } });
  });
});
