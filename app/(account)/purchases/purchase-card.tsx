import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import type { Purchase } from "@/lib/orders/buyer-purchases";
import { formatPrice } from "@/lib/products/format-price";
import { GrantRow } from "./grant-row";

function OrderLine({ purchase, payUrl }: { purchase: Purchase; payUrl: string | null }) {
  switch (purchase.status) {
    case "pending":
      return (
        <p className="text-sm text-slate-700">
          Not paid yet.{" "}
          {payUrl ? (
            <a href={payUrl} className="font-medium underline">
              Go to payment
            </a>
          ) : null}
        </p>
      );
    case "paid":
      return (
        <p className="text-sm text-slate-600">
          Paid <RelativeTime at={purchase.paidAt ?? purchase.createdAt} withDate />
        </p>
      );
    case "refunded":
      return (
        <p className="text-sm text-slate-600">
          Refunded <RelativeTime at={purchase.refundedAt ?? purchase.createdAt} withDate />
        </p>
      );
    case "canceled":
      return <p className="text-sm text-slate-600">Canceled</p>;
  }
}

/** One order: the product, whether it is paid, and each thing it gives with its next step. */
export function PurchaseCard({
  purchase,
  payUrl,
  heading = "h2",
}: {
  purchase: Purchase;
  /** Where a pending order is paid, when it can be. */
  payUrl: string | null;
  heading?: "h1" | "h2";
}) {
  const Heading = heading;
  const href = `/purchases/${purchase.orderId}`;
  return (
    <section
      aria-label={purchase.product.name}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <Heading className={heading === "h1" ? "text-2xl font-semibold" : "text-lg font-semibold"}>
          {heading === "h1" ? (
            purchase.product.name
          ) : (
            <Link href={href} className="break-words hover:underline">
              {purchase.product.name}
            </Link>
          )}
        </Heading>
        {purchase.amount !== null ? (
          <span className="text-sm font-medium text-slate-700">
            {formatPrice(purchase.amount, purchase.currency ?? "USD")}
          </span>
        ) : null}
      </div>
      <OrderLine purchase={purchase} payUrl={payUrl} />
      {purchase.grants.length > 0 ? (
        <ul className="mt-4 divide-y divide-slate-100 border-t border-slate-100 pt-4">
          {purchase.grants.map((grant) => (
            <GrantRow key={grant.id} grant={grant} returnTo={href} />
          ))}
        </ul>
      ) : null}
      <p className="mt-4 text-xs break-all text-slate-500">Order {purchase.orderId}</p>
    </section>
  );
}
