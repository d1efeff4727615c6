import { githubSignInPath } from "@/lib/auth/github-sign-in-path";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getSession } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getBuyerPurchase } from "@/lib/orders/buyer-purchases";
import { paysByTestCheckout } from "@/lib/orders/start-checkout";
import { testPaymentsSetting } from "@/lib/orders/test-payments";
import { formatPrice } from "@/lib/products/format-price";
import { ActionButton } from "@/components/action-button";
import { payTestOrderAction } from "./actions";

export const metadata: Metadata = { title: "Test checkout · Repogrant" };
export const dynamic = "force-dynamic";

/** Sandbox and test mode's payment step: pays through our own signed order webhook. */
export default async function TestCheckoutPage({
  params,
}: {
  params: Promise<{ orderId: string }>;
}) {
  const { orderId } = await params;
  const session = await getSession();
  if (!session) {
    redirect(githubSignInPath(`/checkout/${orderId}`));
  }
  const purchase = session.buyerId
    ? await getBuyerPurchase(await getDb(), session.buyerId, orderId)
    : undefined;
  if (!purchase || !paysByTestCheckout(purchase.product, testPaymentsSetting())) notFound();
  if (purchase.status !== "pending") redirect(`/purchases/${orderId}`);

  const price = formatPrice(purchase.amount ?? 0, purchase.currency ?? "USD");
  return (
    <section className="mx-auto max-w-md space-y-5">
      <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
        <p className="font-semibold">Test payment — no money moves.</p>
        <p className="mt-1">
          Paying here sends the store a signed “order paid” webhook, exactly as a payment provider
          would.
        </p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h1 className="text-xl font-semibold break-words">{purchase.product.name}</h1>
        <p className="mt-1 text-2xl font-semibold">{price}</p>
        <p className="mt-3 text-sm text-slate-700">
          Invitations go to{" "}
          <span className="font-semibold break-all">
            {session.github?.login ? `@${session.github.login}` : "your GitHub account"}
          </span>
          .
        </p>
        <div className="mt-5">
          <ActionButton
            action={payTestOrderAction}
            fields={{ orderId }}
            label={`Pay ${price} (test)`}
            pendingLabel="Paying…"
            variant="pay"
            fullWidth
          />
        </div>
      </div>
    </section>
  );
}
