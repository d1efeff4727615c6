"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { buyerAction } from "@/lib/auth/actions";
import { getDb } from "@/lib/db";
import { wakeFulfillment } from "@/lib/fulfillment/worker";
import { BUYER_RESEND_LIMIT, requestNewInvitation } from "@/lib/grants";

const renewInput = z.object({
  grantId: z.coerce.number().int().positive("This invitation is not one we know."),
});

const dateWords = (at: Date) =>
  at.toLocaleDateString("en-US", { dateStyle: "long", timeZone: "UTC" });

/** "Send a new invitation" for the caller's own invitation that expired unanswered. */
export const renewInvitationAction = buyerAction(renewInput, async ({ grantId }, context) => {
  const outcome = await requestNewInvitation(await getDb(), {
    buyerId: context.buyerId,
    grantId,
    now: context.now,
  });
  if (!outcome.ok) {
    switch (outcome.reason) {
      case "not_found":
        return { ok: false, error: "There is no such invitation among your purchases." };
      case "not_expired":
        return {
          ok: false,
          error: "This invitation has not expired, so there is nothing to send again.",
        };
      case "rate_limited":
        return {
          ok: false,
          error: `You have asked for ${BUYER_RESEND_LIMIT} new invitations for this in the last 30 days. You can ask again on ${dateWords(outcome.retryAt)}, or contact the seller.`,
        };
    }
  }
  after(() => wakeFulfillment());
  revalidatePath("/purchases", "layout");
  return { ok: true, data: { grantId } };
});
