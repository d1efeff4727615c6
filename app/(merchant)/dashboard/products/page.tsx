import type { Metadata } from "next";
import Link from "next/link";
import { requireMerchant } from "@/lib/auth/require-merchant";
import { getDb } from "@/lib/db";
import { accessTarget, describeAccess } from "@/lib/grants/describe-access";
import { formatPrice } from "@/lib/products/format-price";
import { listProductsForDashboard } from "@/lib/products/list-products";
import { ProductsTable, type ProductTableRow } from "./products-table";

export const metadata: Metadata = { title: "Products · Repogrant" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ProductsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireMerchant();
  const archived = (await searchParams).archived === "1";
  const products = await listProductsForDashboard(await getDb(), { archived });
  const rows: ProductTableRow[] = products.map((product) => ({
    id: product.id,
    name: product.name,
    slug: product.slug,
    price: formatPrice(product.priceCents, product.currency),
    access: product.entitlements.map((e) => describeAccess(accessTarget({ ...nulls, ...e }))),
    active: product.active,
    archived: product.archivedAt !== null,
    sales: product.paidOrders,
    refunds: product.refundedOrders,
  }));
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{archived ? "Archived products" : "Products"}</h1>
          <p className="text-sm text-slate-600">
            What you sell, and the GitHub access each sale gives.{" "}
            <Link
              href={archived ? "/dashboard/products" : "/dashboard/products?archived=1"}
              className="font-medium text-sky-800 hover:underline"
            >
              {archived ? "Show current products" : "Show archived"}
            </Link>
          </p>
        </div>
        <Link
          href="/dashboard/products/new"
          className="rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700"
        >
          New product
        </Link>
      </div>
      <ProductsTable rows={rows} archived={archived} />
    </section>
  );
}

const nulls = {
  owner: null,
  repo: null,
  permission: null,
  org: null,
  teamSlug: null,
  teamRole: null,
};
