import type { StorefrontProduct } from "@/lib/products/queries";
import { formatPrice } from "@/lib/products/format-price";

export function ProductCard({ product }: { product: StorefrontProduct }) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex items-baseline justify-between gap-4">
        <h2 className="text-lg font-medium">{product.name}</h2>
        <span className="text-sm font-semibold text-slate-700">
          {formatPrice(product.priceCents, product.currency)}
        </span>
      </div>
      {product.description ? (
        <p className="mt-2 text-sm text-slate-600">{product.description}</p>
      ) : null}
    </li>
  );
}
