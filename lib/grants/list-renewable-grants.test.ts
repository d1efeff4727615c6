import { eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { grants } from "../db/schema";
import { describeEachDatabase } from "../../test/support/database";
import { applyOrderEvent } from "../orders/apply-order-event";
import { createProduct } from "../products/create-product";
import { listRenewableGrants } from "./list-renewable-grants";

describeEachDatabase("a buyer's renewable invitations", (database) => {
  it("are their own expired invitations, nobody else's and nothing still open", async () => {
    const db = database.db();
    await createProduct(db, {
      slug: "bundle",
      name: "Bundle",
      entitlements: [
        { kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" },
        { kind: "github_team", org: "acme", teamSlug: "insiders", teamRole: "member" },
      ],
    });
    const now = new Date("2026-11-29T12:00:00Z");
    const buy = (id: string, githubLogin: string) =>
      applyOrderEvent(db, {
        source: "orders",
        deliveryId: `msg_${id}`,
        now,
        event: {
          type: "order.paid",
          data: { externalId: id, product: "bundle", buyer: { githubLogin } },
        },
      });
    const mine = await buy("mine", "octocat");
    const theirs = await buy("theirs", "hubot");
    await db
      .update(grants)
      .set({ status: "expired" })
      .where(inArray(grants.id, [...mine.grantIds, ...theirs.grantIds]));
    const [revoking] = mine.grantIds.slice(1);
    await db.update(grants).set({ revokeRequestedAt: now }).where(eq(grants.id, revoking!));

    const [grant] = await db.select().from(grants).where(eq(grants.id, mine.grantIds[0]!));
    expect(await listRenewableGrants(db, grant!.buyerId!)).toEqual([
      { id: mine.grantIds[0], kind: "github_repo", target: "acme/toolkit" },
    ]);
    await db.update(grants).set({ revokeRequestedAt: null }).where(eq(grants.id, revoking!));
    expect((await listRenewableGrants(db, grant!.buyerId!)).map((g) => g.target)).toEqual([
      "acme/toolkit",
      "acme/insiders",
    ]);
  });
});
