"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { buyerAction } from "@/lib/auth/actions";
import { getDb } from "@/lib/db";
import { startCheckout } from "@/lib/orders/start-checkout";
import { testPaymentsSetting } from "@/lib/orders/test-payments";
import { getProductForSale } from "@/lib/products/queries";

const buyInput = z.object({
  slug: z.string().trim().min(1, "Which product? Open it from the store and try again.").max(100),
});

/** Buy: a pending order for the caller, then off to the payment step. */
export const buyProductAction = buyerAction(
  buyInput,
  async ({ slug }, { session, buyerId, now }) => {
    const db = await getDb();
    const product = await getProductForSale(db, slug);
    if (!product) return { ok: false, error: "This product is no longer for sale." };
    const outcome = await startCheckout(db, {
      product,
      buyer: { id: buyerId, githubUserId: session.github?.userId ?? null },
      testPayments: testPaymentsSetting(),
      now,
    });
    switch (outcome.kind) {
      case "github_required":
        return {
          ok: false,
          error: "Sign in with GitHub first: GitHub can only invite a GitHub account.",
        };
      case "unavailable":
        return {
          ok: false,
          error: "This product cannot be paid for yet: the seller has not set up payment.",
        };
      case "already_has_access":
        return redirect(`/purchases/${outcome.orderId}`);
      case "pay":
        return redirect(outcome.paymentUrl);
    }
  },
);
