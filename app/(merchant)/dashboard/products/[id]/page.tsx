import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireMerchant } from "@/lib/auth/require-merchant";
import { getDb } from "@/lib/db";
import { getProductForEditor } from "@/lib/products/list-products";
import { ProductEditor } from "../product-editor";

export const metadata: Metadata = { title: "Edit product · Repogrant" };
export const dynamic = "force-dynamic";

export default async function EditProductPage({ params }: { params: Promise<{ id: string }> }) {
  await requireMerchant();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const product = await getProductForEditor(await getDb(), id);
  if (!product) notFound();
  return (
    <section className="space-y-4">
      <Link href="/dashboard/products" className="text-sm text-sky-800 hover:underline">
        ← Products
      </Link>
      <h1 className="text-2xl font-semibold">{product.name}</h1>
      {product.archivedAt ? (
        <p className="rounded-md bg-slate-100 p-3 text-sm">
          This product is archived: restore it from the archived list to sell it again.
        </p>
      ) : null}
      <ProductEditor
        initial={{
          id: product.id,
          name: product.name,
          slug: product.slug,
          description: product.description,
          price: (product.priceCents / 100).toFixed(2),
          currency: product.currency,
          paymentLink: product.paymentLink ?? "",
          paymentProvider: product.paymentProvider ?? "",
          providerProductRef: product.providerProductRef ?? "",
          providerAmount:
            product.providerAmountCents === null
              ? ""
              : (product.providerAmountCents / 100).toFixed(2),
          revokeOnPartialRefund: product.revokeOnPartialRefund,
          active: product.active,
          entitlements: product.entitlements.map((row) => ({ ...row, key: row.id! })),
        }}
      />
    </section>
  );
}
