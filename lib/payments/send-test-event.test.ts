import { expect, it } from "vitest";
import { webhookDeliveries } from "../db/schema";
import { describeEachDatabase, truncateAll } from "@/test/support/database";
import { PROVIDER_SECRETS } from "@/test/support/sign-payment-event";
import { receivePaymentWebhook } from "../orders/receive-payment-webhook";
import { PAYMENT_PROVIDERS } from "./payment-event";
import { sendTestEvent } from "./send-test-event";

const NOW = new Date("2026-11-29T12:00:00Z");

describeEachDatabase("the sandbox's test events", (database) => {
  it("are signed so that each provider's own route accepts them, and pay nothing", async () => {
    const db = database.db();
    await truncateAll(db);
    for (const provider of PAYMENT_PROVIDERS) {
      const answer = await sendTestEvent({
        provider,
        appUrl: "http://shop.test",
        secret: PROVIDER_SECRETS[provider],
        now: NOW,
        // Our route's own code stands in for the network hop.
        fetch: async (url, init) => {
          const request = new Request(url, init);
          expect(request.url).toBe(`http://shop.test/api/webhooks/${provider}`);
          const received = await receivePaymentWebhook(db, request, {
            provider,
            secrets: [PROVIDER_SECRETS[provider]],
            now: NOW,
          });
          return Response.json(received.body, { status: received.status });
        },
      });
      expect(answer).toEqual({ status: 200, summary: "200 ignored: no Repogrant order reference" });
    }
    const recorded = await db.select().from(webhookDeliveries);
    expect(recorded.map((row) => row.source).sort()).toEqual(["lemonsqueezy", "polar", "stripe"]);
  });
});
