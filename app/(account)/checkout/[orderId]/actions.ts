"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { buyerAction } from "@/lib/auth/actions";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { getBuyerPurchase } from "@/lib/orders/buyer-purchases";
import { payTestOrder } from "@/lib/orders/pay-test-order";
import { paysByTestCheckout } from "@/lib/orders/start-checkout";
import { testPaymentsSetting } from "@/lib/orders/test-payments";

const payInput = z.object({ orderId: z.string().trim().min(1).max(64) });

const NO_SUCH_ORDER = "There is no such order among your purchases.";

/** The test checkout's Pay: only the caller's own pending order, only where tests may pay. */
export const payTestOrderAction = buyerAction(payInput, async ({ orderId }, { buyerId, now }) => {
  const db = await getDb();
  const purchase = await getBuyerPurchase(db, buyerId, orderId);
  if (!purchase) return { ok: false, error: NO_SUCH_ORDER };
  if (!paysByTestCheckout(purchase.product, testPaymentsSetting())) {
    return { ok: false, error: "This product is paid on the seller's payment page, not here." };
  }
  const [secret] = getConfig().orderWebhookSecrets;
  if (!secret) {
    return { ok: false, error: "ORDER_WEBHOOK_SECRET is not set: test payments need it." };
  }
  const paid = await payTestOrder(db, {
    buyerId,
    orderId,
    appUrl: getConfig().appUrl,
    secret,
    now,
  });
  if (!paid.ok)
    return { ok: false, error: paid.reason === "not_found" ? NO_SUCH_ORDER : paid.message };
  redirect(`/purchases/${orderId}`);
});
