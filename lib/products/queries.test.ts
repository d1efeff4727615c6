import { expect, it } from "vitest";
import { describeEachDatabase } from "@/test/support/database";
import { describeAccess, accessTarget } from "../grants/describe-access";
import { createProduct } from "./create-product";
import { getProductForSale, listActiveProducts } from "./queries";

describeEachDatabase("storefront queries", (database) => {
  it("list active products with what each gives, in the merchant's order, and hide archived ones", async () => {
    const db = database.db();
    await createProduct(db, {
      slug: "bundle",
      name: "Bundle",
      priceCents: 9900,
      paymentLink: "https://pay.example/bundle?ref={orderId}",
      entitlements: [
        { kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" },
        { kind: "github_team", org: "acme", teamSlug: "toolkit-users", teamRole: "member" },
      ],
    });
    await createProduct(db, {
      slug: "old",
      name: "Archived",
      active: false,
      entitlements: [{ kind: "github_repo", owner: "acme", repo: "old", permission: "pull" }],
    });

    const listed = await listActiveProducts(db);
    expect(listed.map((p) => p.slug)).toEqual(["bundle"]);
    expect(listed[0]!.entitlements.map((e) => describeAccess(accessTarget(e)))).toEqual([
      "read access to the private repository acme/toolkit",
      "membership of the team acme/toolkit-users",
    ]);
    // The payment link is for checkout only, not for the public list.
    expect(listed[0]).not.toHaveProperty("paymentLink");

    const forSale = await getProductForSale(db, "bundle");
    expect(forSale).toMatchObject({
      name: "Bundle",
      priceCents: 9900,
      paymentLink: "https://pay.example/bundle?ref={orderId}",
    });
    expect(forSale!.entitlements).toHaveLength(2);
    expect(await getProductForSale(db, "old")).toBeUndefined();
    expect(await getProductForSale(db, "no-such-product")).toBeUndefined();
  });
});
