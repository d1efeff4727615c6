import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { PAYMENT_LINKS } from "@/lib/payments/payment-links";
import type { PaymentMismatchRow } from "@/lib/orders/list-payment-mismatches";

/** Payments that did not match their order: nobody was invited for them. */
export function PaymentMismatchList({
  rows,
  linkOrders,
}: {
  rows: PaymentMismatchRow[];
  linkOrders: boolean;
}) {
  return (
    <ul className="divide-y divide-amber-200 rounded-lg border border-amber-300 bg-amber-50 text-sm">
      {rows.map((row) => (
        <li key={row.id} data-testid="payment-mismatch" className="space-y-1 p-3">
          <p className="font-medium text-amber-950">
            {PAYMENT_LINKS[row.provider].name} payment not applied: {row.reason}.
          </p>
          <p className="break-all text-amber-900">
            <RelativeTime at={row.receivedAt} />
            {row.providerPaymentId ? ` · payment ${row.providerPaymentId}` : null}
            {linkOrders ? (
              <>
                {" · "}
                <Link href={`/dashboard/orders/${row.orderId}`} className="underline">
                  order {row.orderId}
                </Link>
              </>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
