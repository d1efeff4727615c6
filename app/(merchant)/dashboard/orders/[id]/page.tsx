import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { requireMerchant } from "@/lib/auth/require-merchant";
import { getDb } from "@/lib/db";
import { describeOrderSource, describeOrderStatus } from "@/lib/orders/describe-order-status";
import { getOrderDetail } from "@/lib/orders/get-order-detail";
import { formatPrice } from "@/lib/products/format-price";
import { GrantCard } from "./grant-card";
import { PaymentMismatchList } from "@/components/payments/payment-mismatch-list";
import { listPaymentMismatches } from "@/lib/orders/list-payment-mismatches";
import { PAYMENT_LINKS } from "@/lib/payments/payment-links";
import { AutoRefresh } from "@/components/auto-refresh";
import { OrderActions } from "./order-actions";
import { describeGrantStatus } from "@/lib/grants/describe-grant-status";

export const metadata: Metadata = { title: "Order · Repogrant" };
export const dynamic = "force-dynamic";

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  await requireMerchant();
  const { id } = await params;
  const db = await getDb();
  const order = await getOrderDetail(db, id);
  if (!order) notFound();
  const mismatches = await listPaymentMismatches(db, { orderId: order.id, limit: 20 });
  const status = describeOrderStatus(order.status);
  const email = order.orderEmail ?? order.buyerEmail;
  const inFlight = order.grants.some((grant) => describeGrantStatus(grant, "merchant").inFlight);
  return (
    <section className="space-y-6">
      <AutoRefresh active={inFlight} intervalMs={2000} />
      <div>
        <Link href="/dashboard/orders" className="text-sm text-sky-800 hover:underline">
          ← Orders
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="break-all text-2xl font-semibold">Order {order.id}</h1>
          <StatusBadge {...status} />
        </div>
      </div>
      <dl className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2 lg:grid-cols-3">
        <div>
          <dt className="text-slate-500">Buyer</dt>
          <dd className="font-medium">
            {order.buyerLogin ? (
              <a
                href={`https://github.com/${order.buyerLogin}`}
                className="text-sky-800 hover:underline"
                rel="noreferrer"
                target="_blank"
              >
                @{order.buyerLogin}
                <span className="sr-only"> on GitHub (opens in a new tab)</span>
              </a>
            ) : (
              "No GitHub account yet"
            )}
          </dd>
          <dd className="break-all text-slate-600">{email ?? "No email address"}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Product</dt>
          <dd className="font-medium">{order.product.name}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Amount</dt>
          <dd className="font-medium">
            {order.amount === null ? "—" : formatPrice(order.amount, order.currency ?? "USD")}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Source</dt>
          <dd className="font-medium">{describeOrderSource(order.source)}</dd>
          {order.externalId ? (
            <dd className="break-all text-slate-600">External id {order.externalId}</dd>
          ) : null}
          {order.paymentProvider ? (
            <dd className="break-all text-slate-600">
              Paid through {PAYMENT_LINKS[order.paymentProvider].name}, payment{" "}
              {order.providerPaymentId}
            </dd>
          ) : null}
        </div>
        <div>
          <dt className="text-slate-500">Placed</dt>
          <dd>
            <RelativeTime at={order.createdAt} />
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{order.refundedAt ? "Refunded" : "Paid"}</dt>
          <dd>
            {order.refundedAt ? (
              <RelativeTime at={order.refundedAt} />
            ) : order.paidAt ? (
              <RelativeTime at={order.paidAt} />
            ) : (
              "Not yet"
            )}
          </dd>
        </div>
      </dl>
      {mismatches.length > 0 ? <PaymentMismatchList rows={mismatches} linkOrders={false} /> : null}
      <OrderActions orderId={order.id} status={order.status} />
      <div className="space-y-4">
        <h2 className="text-lg font-semibold">Access</h2>
        {order.grants.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
            {order.status === "pending"
              ? "Nothing is given until the order is paid. Mark it paid once the money has arrived."
              : "This order gave no access: its product had no repository or team when it was paid."}
          </p>
        ) : (
          order.grants.map((grant) => <GrantCard key={grant.id} orderId={order.id} grant={grant} />)
        )}
      </div>
    </section>
  );
}
