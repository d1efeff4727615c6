import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/auto-refresh";
import { getDb } from "@/lib/db";
import {
  getBuyerPurchase,
  purchaseAwaitsGithub,
  purchaseInFlight,
} from "@/lib/orders/buyer-purchases";
import { paymentUrlFor } from "@/lib/orders/start-checkout";
import { testPaymentsSetting } from "@/lib/orders/test-payments";
import { requireBuyerSession } from "../buyer-page-session";
import { GithubNeeded } from "../github-needed";
import { PurchaseCard } from "../purchase-card";

export const metadata: Metadata = { title: "Your purchase · Repogrant" };
export const dynamic = "force-dynamic";

export default async function PurchasePage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const returnTo = `/purchases/${encodeURIComponent(orderId)}`;
  const session = await requireBuyerSession(returnTo);
  // Someone else's order is as unknown as a made-up id: 404, never 403.
  const purchase = session.buyerId
    ? await getBuyerPurchase(await getDb(), session.buyerId, orderId)
    : undefined;
  if (!purchase) notFound();
  return (
    <div className="space-y-6">
      <Link href="/purchases" className="text-sm font-medium text-slate-700 underline">
        ← All your purchases
      </Link>
      {session.github || purchaseAwaitsGithub(purchase) ? null : (
        <GithubNeeded returnTo={returnTo} />
      )}
      <PurchaseCard
        purchase={purchase}
        heading="h1"
        payUrl={paymentUrlFor(purchase.product, purchase.orderId, testPaymentsSetting())}
      />
      <AutoRefresh active={purchaseInFlight(purchase)} />
    </div>
  );
}
