import { randomBytes } from "node:crypto";
import { PAYMENT_ADAPTERS } from "./adapters";
import type { PaymentProvider } from "./payment-event";
import { sampleEventBody } from "./sample-events";

const SAMPLE_IDS: Record<PaymentProvider, { payment: () => string; product: string }> = {
  stripe: {
    payment: () => `pi_test_${randomBytes(8).toString("hex")}`,
    product: "plink_test_sample",
  },
  lemonsqueezy: { payment: () => String(100000 + randomBytes(3).readUIntBE(0, 3)), product: "1" },
  polar: {
    payment: () => crypto.randomUUID(),
    product: "00000000-0000-4000-8000-000000000000",
  },
};

export interface TestEventAnswer {
  status: number;
  /** The route's answer in words, as the provider's delivery log would show it. */
  summary: string;
}

/**
 * The sandbox's "send test event": a realistic paid event, signed exactly as the provider signs
 * it, posted to our own route over the network. It carries no Repogrant order reference (as a
 * provider dashboard's own test event would not), so it is received and recorded but pays
 * nothing: the dashboard then shows it as the provider's last event.
 */
export async function sendTestEvent(input: {
  provider: PaymentProvider;
  appUrl: string;
  secret: string;
  now: Date;
  fetch?: typeof fetch;
}): Promise<TestEventAnswer> {
  const { provider, now } = input;
  const eventId = `evt_test_${randomBytes(12).toString("hex")}`;
  const body = sampleEventBody(
    provider,
    eventId,
    {
      paymentId: SAMPLE_IDS[provider].payment(),
      productRef: SAMPLE_IDS[provider].product,
      amount: { minor: 4900, currency: "USD" },
      email: "test-buyer@example.test",
      at: now,
    },
    { kind: "paid" },
  );
  const headers = PAYMENT_ADAPTERS[provider].sign(body, input.secret, { now, eventId });
  const response = await (input.fetch ?? fetch)(`${input.appUrl}/api/webhooks/${provider}`, {
    method: "POST",
    headers,
    body,
  });
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const words =
    typeof answer.error === "string"
      ? `refused: ${answer.error}`
      : [answer.outcome, answer.note].filter((part) => typeof part === "string").join(": ");
  return { status: response.status, summary: `${response.status} ${words}`.trim() };
}
