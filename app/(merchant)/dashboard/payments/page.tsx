import type { Metadata } from "next";
import { RelativeTime } from "@/components/ui/relative-time";
import { requireMerchant } from "@/lib/auth/require-merchant";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { PAYMENT_PROVIDERS } from "@/lib/db/status-values";
import { PAYMENT_ADAPTERS } from "@/lib/payments/adapters";
import { PAYMENT_LINKS } from "@/lib/payments/payment-links";
import { sourceActivity } from "@/lib/webhooks/provider-activity";
import { TestEventButton } from "./test-event-button";

export const metadata: Metadata = { title: "Payments · Repogrant" };
export const dynamic = "force-dynamic";

/** The events to select in each provider's webhook settings (README: Payment providers). */
const EVENTS = {
  stripe:
    "checkout.session.completed, checkout.session.async_payment_succeeded, charge.refunded, charge.dispute.created",
  lemonsqueezy: "order_created, order_refunded",
  polar: "order.paid, order.refunded",
};

export default async function PaymentsPage() {
  await requireMerchant();
  const config = getConfig();
  const db = await getDb();
  const activity = await Promise.all(PAYMENT_PROVIDERS.map((p) => sourceActivity(db, p)));
  return (
    <section className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Payments</h1>
        <p className="text-sm text-slate-600">
          Paste a provider&apos;s webhook URL into its dashboard, set its signing secret here, and
          choose the provider in each product&apos;s Payment settings.
        </p>
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        {PAYMENT_PROVIDERS.map((provider, index) => {
          const { name, placeholder } = PAYMENT_LINKS[provider];
          const secrets = config.paymentWebhookSecrets[provider].length;
          const { lastReceived, lastRefused } = activity[index]!;
          return (
            <article
              key={provider}
              aria-labelledby={`${provider}-title`}
              className="min-w-0 space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm"
            >
              <h2 id={`${provider}-title`} className="text-lg font-semibold">
                {name}
              </h2>
              <dl className="space-y-3">
                <div>
                  <dt className="text-slate-500">Webhook URL</dt>
                  <dd className="font-mono text-xs break-all">
                    {config.appUrl}/api/webhooks/{provider}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-500">Events</dt>
                  <dd className="font-mono text-xs break-words">{EVENTS[provider]}</dd>
                </div>
                <div>
                  <dt className="text-slate-500">Order id in the payment link</dt>
                  <dd className="font-mono text-xs break-all">{placeholder}</dd>
                </div>
                <div>
                  <dt className="text-slate-500">Signing secret</dt>
                  <dd
                    className={`break-words ${secrets ? "text-emerald-800" : "font-medium text-rose-800"}`}
                  >
                    {secrets === 0
                      ? `Not set: ${PAYMENT_ADAPTERS[provider].secretVariable} is empty, every event is refused.`
                      : secrets === 1
                        ? `Set in ${PAYMENT_ADAPTERS[provider].secretVariable}.`
                        : `${secrets} set in ${PAYMENT_ADAPTERS[provider].secretVariable} (rotating).`}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-500">Last event received</dt>
                  <dd>
                    {lastReceived ? (
                      <>
                        <span className="font-mono text-xs">{lastReceived.type}</span>,{" "}
                        <RelativeTime at={lastReceived.at} />
                      </>
                    ) : (
                      "None yet"
                    )}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-500">Last refused</dt>
                  <dd className="break-words">
                    {lastRefused ? (
                      <>
                        {lastRefused.httpStatus}: {lastRefused.reason},{" "}
                        <RelativeTime at={lastRefused.at} />
                      </>
                    ) : (
                      "None"
                    )}
                  </dd>
                </div>
              </dl>
              {config.sandbox ? <TestEventButton provider={provider} name={name} /> : null}
            </article>
          );
        })}
      </div>
    </section>
  );
}
