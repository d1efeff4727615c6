"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { merchantAction } from "@/lib/auth/actions";
import { getDb } from "@/lib/db";
import { requestRevocation } from "@/lib/grants";
import { resendInvitation } from "@/lib/grants";
import { wakeFulfillment } from "@/lib/fulfillment/worker";
import { markOrderPaid } from "@/lib/orders/mark-order-paid";
import { OrderRejected } from "@/lib/orders/order-rejected";
import { refundOrder } from "@/lib/orders/refund-order";

const orderInput = z.object({ orderId: z.string().min(1).max(64) });
const grantInput = z.object({
  orderId: z.string().min(1).max(64),
  grantId: z.coerce.number().int().positive(),
});

// Every change here gives the engine work: wake it after the answer, and show the new state.
function settled(orderId: string) {
  after(() => wakeFulfillment());
  revalidatePath(`/dashboard/orders/${orderId}`);
  revalidatePath("/dashboard");
}

async function orderChange(run: () => Promise<unknown>, orderId: string, done: string) {
  try {
    await run();
  } catch (error) {
    if (error instanceof OrderRejected) return { ok: false as const, error: `${error.message}.` };
    throw error;
  }
  settled(orderId);
  return { ok: true as const, data: { message: done } };
}

export const markPaidAction = merchantAction(orderInput, async ({ orderId }, { now }) =>
  orderChange(
    async () => markOrderPaid(await getDb(), orderId, now),
    orderId,
    "Marked paid: invitations are on their way.",
  ),
);

export const refundAction = merchantAction(orderInput, async ({ orderId }, { now }) =>
  orderChange(
    async () => refundOrder(await getDb(), orderId, now),
    orderId,
    "Refunded: the access this order gave is being removed.",
  ),
);

export const resendInvitationAction = merchantAction(
  grantInput,
  async ({ orderId, grantId }, { now }) => {
    if (!(await resendInvitation(await getDb(), grantId, "merchant", now))) {
      return {
        ok: false,
        error:
          "No new invitation can be sent: only an open, expired or declined invitation can be replaced.",
      };
    }
    settled(orderId);
    return { ok: true, data: { message: "A new invitation is being sent." } };
  },
);

export const revokeGrantAction = merchantAction(
  grantInput,
  async ({ orderId, grantId }, { now }) => {
    const marked = await requestRevocation(
      await getDb(),
      { grantId },
      "removed by the merchant",
      now,
    );
    if (marked.length === 0) {
      return { ok: false, error: "This access was already removed, or is being removed." };
    }
    settled(orderId);
    return { ok: true, data: { message: "Access is being removed on GitHub." } };
  },
);
