import { eq, isNull } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { grantEvents, grants } from "@/lib/db/schema";
import type { Database } from "@/lib/db/types";
import { applyOrderEvent } from "@/lib/orders/apply-order-event";
import { createProduct } from "@/lib/products/create-product";
import { describeEachDatabase, truncateAll } from "@/test/support/database";
import { claimGrants } from "./lease";
import { transitionGrant } from "./transition";

const T0 = new Date("2026-11-23T09:00:00Z");
const LEASE_MS = 60_000;

async function paidGrant(db: Database) {
  await createProduct(db, {
    slug: "toolkit",
    name: "Toolkit",
    entitlements: [{ kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" }],
  });
  const paid = await applyOrderEvent(db, {
    source: "orders",
    deliveryId: "msg_transition",
    now: T0,
    event: {
      type: "order.paid",
      data: { externalId: "ext_transition", product: "toolkit", buyer: { githubLogin: "octocat" } },
    },
  });
  return paid.grantIds[0]!;
}

const claim = (db: Database, now: Date) =>
  claimGrants(db, { due: eq(grants.status, "queued"), now, limit: 10, leaseMs: LEASE_MS });

const eventsOf = (db: Database, grantId: number) =>
  db.select().from(grantEvents).where(eq(grantEvents.grantId, grantId)).orderBy(grantEvents.id);

describeEachDatabase("transitionGrant", (database) => {
  beforeEach(() => truncateAll(database.db()));

  it("changes the status and writes its event together, and says it applied", async () => {
    const db = database.db();
    const grantId = await paidGrant(db);
    const [claimed] = await claim(db, T0);
    const at = new Date(T0.getTime() + 1000);
    const applied = await transitionGrant(db, {
      grants: grantId,
      from: ["queued"],
      leased: claimed!,
      set: { status: "active", acceptedAt: at, lockedUntil: null },
      event: { kind: "active", at, detail: { reason: "already_has_access" } },
    });
    expect(applied).toBe(true);
    const [row] = await db.select().from(grants).where(eq(grants.id, grantId));
    expect(row).toMatchObject({ status: "active", lockedUntil: null, updatedAt: at });
    expect((await eventsOf(db, grantId)).map((e) => [e.kind, e.detail])).toEqual([
      ["created", { status: "queued" }],
      ["active", { reason: "already_has_access" }],
    ]);
  });

  it("a worker whose lease ran out and was taken over changes nothing and writes no event", async () => {
    const db = database.db();
    const grantId = await paidGrant(db);
    const [stale] = await claim(db, T0);
    // The first worker stalls past its lease; a second worker claims the grant.
    const later = new Date(T0.getTime() + LEASE_MS + 1);
    const [current] = await claim(db, later);
    expect(current!.lockedUntil).not.toEqual(stale!.lockedUntil);

    const applied = await transitionGrant(db, {
      grants: grantId,
      from: ["queued"],
      leased: stale!,
      set: { status: "failed", lockedUntil: null },
      event: { kind: "failed", at: later },
    });
    expect(applied).toBe(false);
    const [row] = await db.select().from(grants).where(eq(grants.id, grantId));
    expect(row).toMatchObject({ status: "queued", lockedUntil: current!.lockedUntil });
    expect((await eventsOf(db, grantId)).map((e) => e.kind)).toEqual(["created"]);
  });

  it("applies only from the states it names", async () => {
    const db = database.db();
    const grantId = await paidGrant(db);
    const move = (at: Date) =>
      transitionGrant(db, {
        grants: grantId,
        from: ["invited"],
        when: isNull(grants.revokeRequestedAt),
        set: { status: "active" },
        event: { kind: "active", at },
      });
    expect(await move(T0)).toBe(false);
    await db.update(grants).set({ status: "invited" }).where(eq(grants.id, grantId));
    expect(await move(T0)).toBe(true);
    expect(await move(T0)).toBe(false);
    expect((await eventsOf(db, grantId)).map((e) => e.kind)).toEqual(["created", "active"]);
  });
});
