import type { Metadata } from "next";
import Link from "next/link";
import { AutoRefresh } from "@/components/auto-refresh";
import { getDb } from "@/lib/db";
import {
  listBuyerPurchases,
  purchaseAwaitsGithub,
  purchaseInFlight,
} from "@/lib/orders/buyer-purchases";
import { paymentUrlFor } from "@/lib/orders/start-checkout";
import { testPaymentsSetting } from "@/lib/orders/test-payments";
import { requireBuyerSession } from "./buyer-page-session";
import { GithubNeeded } from "./github-needed";
import { PurchaseCard } from "./purchase-card";

export const metadata: Metadata = { title: "Your purchases · Repogrant" };
export const dynamic = "force-dynamic";

export default async function PurchasesPage() {
  const session = await requireBuyerSession("/purchases");
  const purchases = session.buyerId ? await listBuyerPurchases(await getDb(), session.buyerId) : [];
  const testPayments = testPaymentsSetting();
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">Your purchases</h1>
      {/* A grant waiting for GitHub says so itself, with its own button. */}
      {session.github || purchases.some(purchaseAwaitsGithub) ? null : (
        <GithubNeeded returnTo="/purchases" />
      )}
      {purchases.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <p className="font-medium">You have not bought anything yet.</p>
          <Link href="/" className="mt-2 inline-block text-sm font-medium underline">
            See what is for sale
          </Link>
        </div>
      ) : (
        purchases.map((purchase) => (
          <PurchaseCard
            key={purchase.orderId}
            purchase={purchase}
            payUrl={paymentUrlFor(purchase.product, purchase.orderId, testPayments)}
          />
        ))
      )}
      <AutoRefresh active={purchases.some(purchaseInFlight)} />
    </section>
  );
}
