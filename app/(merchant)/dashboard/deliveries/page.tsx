import type { Metadata } from "next";
import { Pagination } from "@/components/data-table/pagination";
import { RelativeTime } from "@/components/ui/relative-time";
import { requireMerchant } from "@/lib/auth/require-merchant";
import { getDb } from "@/lib/db";
import { listWebhookRejections } from "@/lib/webhooks/list-rejections";
import { WEBHOOK_RETENTION_DAYS } from "@/lib/webhooks/prune-webhook-records";
import { listPaymentMismatches } from "@/lib/orders/list-payment-mismatches";
import { PaymentMismatchList } from "@/components/payments/payment-mismatch-list";

export const metadata: Metadata = { title: "Deliveries · Repogrant" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 50;
const SOURCES: Record<string, string> = {
  orders: "Order webhook",
  github: "GitHub webhook",
  stripe: "Stripe",
  lemonsqueezy: "Lemon Squeezy",
  polar: "Polar",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DeliveriesPage({ searchParams }: { searchParams: SearchParams }) {
  await requireMerchant();
  const raw = Number((await searchParams).page);
  const page = Number.isInteger(raw) && raw > 0 ? raw : 1;
  const db = await getDb();
  const [{ rows, total }, mismatches] = await Promise.all([
    listWebhookRejections(db, { page, pageSize: PAGE_SIZE }),
    page === 1 ? listPaymentMismatches(db, { limit: 20 }) : [],
  ]);
  return (
    <section className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Refused deliveries</h1>
        <p className="text-sm text-slate-600">
          Webhook deliveries we turned away, with the reason the sender was given. A refused
          delivery can be sent again once its cause is fixed: its id was not used up. The same
          refusal repeated is counted on one line; lines are kept for {WEBHOOK_RETENTION_DAYS} days.
        </p>
      </div>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
          No delivery has been refused. If an integration says its webhook fails but nothing shows
          here, its requests are not reaching this server — check the URL it posts to.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Refused webhook deliveries, newest first</caption>
            <thead className="bg-slate-50 text-left">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  When
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Source
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Answer
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Reason
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className="px-3 py-2 align-top">
                    <RelativeTime at={row.receivedAt} />
                  </td>
                  <td className="px-3 py-2 align-top">
                    {SOURCES[row.source] ?? row.source}
                    {row.deliveryId ? (
                      <span className="block break-all font-mono text-xs text-slate-500">
                        {row.deliveryId}
                      </span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2 align-top tabular-nums">{row.httpStatus}</td>
                  <td className="px-3 py-2 align-top break-words">
                    {row.reason}
                    {row.repeatCount > 1 ? (
                      <span className="block text-xs text-slate-500">
                        {row.repeatCount.toLocaleString("en")} times
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={page}
        pageCount={Math.max(1, Math.ceil(total / PAGE_SIZE))}
        total={total}
        href={(n) => (n > 1 ? `/dashboard/deliveries?page=${n}` : "/dashboard/deliveries")}
        noun={total === 1 ? "refused delivery" : "refused deliveries"}
      />
      {mismatches.length > 0 ? (
        <div className="space-y-2">
          <h2 className="text-lg font-semibold">Payments that did not match their order</h2>
          <p className="text-sm text-slate-600">
            Received and kept, but nobody was invited: the payment was for another product or less
            than the order&apos;s amount. Refund it in the provider, or mark the order paid if it is
            right.
          </p>
          <PaymentMismatchList rows={mismatches} linkOrders />
        </div>
      ) : null}
    </section>
  );
}
