"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { merchantAction } from "@/lib/auth/actions";
import { getDb } from "@/lib/db";
import { retryGrantNow } from "@/lib/grants";
import { wakeFulfillment } from "@/lib/fulfillment/worker";

const retryInput = z.object({
  grantId: z.coerce
    .number({ error: "Enter the grant's number, for example 42." })
    .int("Enter the grant's number, for example 42.")
    .positive("Enter the grant's number, for example 42."),
});

/** The merchant's "retry now" for a grant that failed or waits for its next attempt. */
export const retryGrantAction = merchantAction(retryInput, async ({ grantId }, { now }) => {
  const retried = await retryGrantNow(await getDb(), grantId, now);
  if (!retried) {
    return {
      ok: false,
      error: `Grant ${grantId} cannot be retried: only a grant that failed or waits for a retry can be, and not while it is being sent. Check the number.`,
    };
  }
  after(() => wakeFulfillment());
  revalidatePath("/dashboard");
  return { ok: true, data: { grantId } };
});
