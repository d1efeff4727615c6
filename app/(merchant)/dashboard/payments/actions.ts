"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { merchantAction } from "@/lib/auth/actions";
import { getConfig } from "@/lib/config";
import { PAYMENT_PROVIDERS } from "@/lib/db/status-values";
import { PAYMENT_ADAPTERS } from "@/lib/payments/adapters";
import { sendTestEvent } from "@/lib/payments/send-test-event";

/** Sandbox only: a signed sample event through the provider's own route, as the provider sends it. */
export const sendTestEventAction = merchantAction(
  z.object({ provider: z.enum(PAYMENT_PROVIDERS) }),
  async ({ provider }, { now }) => {
    const config = getConfig();
    if (!config.sandbox) {
      return { ok: false, error: "Test events are sent in sandbox mode only." };
    }
    const [secret] = config.paymentWebhookSecrets[provider];
    if (!secret) {
      const variable = PAYMENT_ADAPTERS[provider].secretVariable;
      return { ok: false, error: `${variable} is not set: there is nothing to sign with.` };
    }
    const answer = await sendTestEvent({ provider, appUrl: config.appUrl, secret, now });
    revalidatePath("/dashboard/payments");
    return {
      ok: true,
      data: {
        message: `Signed and sent to /api/webhooks/${provider}; it answered ${answer.summary}.`,
      },
    };
  },
);
