"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { buyerAction } from "@/lib/auth/actions";
import { getDb } from "@/lib/db";
import { resendInvitation } from "@/lib/grants";
import { wakeFulfillment } from "@/lib/fulfillment/worker";

const renewInput = z.object({
  grantId: z.coerce.number().int().positive("This invitation is not one we know."),
});

/** "Send a new invitation" for the buyer's own invitation that expired unanswered. */
export const renewInvitationAction = buyerAction(renewInput, async ({ grantId }, context) => {
  // resendInvitation only touches a grant of this buyer: another buyer's id changes nothing.
  const renewed = await resendInvitation(
    await getDb(),
    grantId,
    { buyerId: context.buyerId },
    context.now,
  );
  if (!renewed) {
    return {
      ok: false,
      error:
        "This invitation cannot be sent again: it is not yours, or it has not expired. Reload the page to see its current state.",
    };
  }
  after(() => wakeFulfillment());
  revalidatePath("/purchases");
  return { ok: true, data: { grantId } };
});
