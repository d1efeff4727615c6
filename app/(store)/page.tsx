import { ProductCard } from "@/components/product-card";
import { getDb } from "@/lib/db";
import { listActiveProducts } from "@/lib/products/queries";

export const dynamic = "force-dynamic";

export default async function StorefrontPage() {
  const products = await listActiveProducts(await getDb());
  return (
    <section>
      <h1 className="text-2xl font-semibold">Products</h1>
      {products.length === 0 ? (
        <div className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <p className="font-medium">Nothing is for sale yet.</p>
          <p className="mt-1 text-sm text-slate-600">
            Products appear here as soon as the merchant publishes one.
          </p>
        </div>
      ) : (
        <ul className="mt-6 grid gap-4 sm:grid-cols-2">
          {products.map((product) => (
            <ProductCard key={product.id} product={product} />
          ))}
        </ul>
      )}
    </section>
  );
}
