import Link from "next/link";
import { AccessList } from "@/components/access-list";
import type { StorefrontProduct } from "@/lib/products/queries";
import { formatPrice } from "@/lib/products/format-price";

export function ProductCard({ product }: { product: StorefrontProduct }) {
  return (
    <li className="flex flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex items-baseline justify-between gap-4">
        <h2 className="text-lg font-medium">
          <Link href={`/products/${product.slug}`} className="hover:underline">
            {product.name}
          </Link>
        </h2>
        <span className="shrink-0 text-sm font-semibold text-slate-700">
          {formatPrice(product.priceCents, product.currency)}
        </span>
      </div>
      {product.description ? (
        <p className="mt-2 text-sm text-slate-600">{product.description}</p>
      ) : null}
      <div className="mt-3">
        <AccessList items={product.entitlements} />
      </div>
      <Link
        href={`/products/${product.slug}`}
        className="mt-4 self-start rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
        aria-label={`View ${product.name}`}
      >
        View and buy
      </Link>
    </li>
  );
}
