import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccessList } from "@/components/access-list";
import { getSession } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { findExistingAccess } from "@/lib/orders/existing-access";
import { formatPrice } from "@/lib/products/format-price";
import { getProductForSale } from "@/lib/products/queries";
import { BuyPanel } from "./buy-panel";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const product = await getProductForSale(await getDb(), (await params).slug);
  return { title: product ? `${product.name} · Repogrant` : "Not found · Repogrant" };
}

export default async function ProductPage({ params }: Params) {
  const db = await getDb();
  const product = await getProductForSale(db, (await params).slug);
  if (!product) notFound();
  const session = await getSession();
  const existing =
    session?.buyerId && session.github
      ? await findExistingAccess(
          db,
          { id: session.buyerId, githubUserId: session.github.userId },
          product.entitlements,
        )
      : undefined;

  return (
    <article className="grid gap-8 md:grid-cols-[1fr_20rem]">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold break-words">{product.name}</h1>
        {product.description ? (
          <p className="mt-3 whitespace-pre-line text-slate-700">{product.description}</p>
        ) : null}
        <h2 className="mt-8 text-sm font-semibold tracking-wide text-slate-600 uppercase">
          What you get
        </h2>
        <div className="mt-2">
          <AccessList items={product.entitlements} />
        </div>
      </div>
      <aside className="h-fit rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <p className="text-3xl font-semibold">
          {formatPrice(product.priceCents, product.currency)}
        </p>
        <p className="mt-3 text-sm text-slate-700">
          Requires a GitHub account — you will sign in with GitHub before paying.
        </p>
        <div className="mt-5">
          <BuyPanel product={product} session={session} existingOrderId={existing?.orderId} />
        </div>
      </aside>
    </article>
  );
}
