import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/data-table/pagination";
import { requireMerchant } from "@/lib/auth/require-merchant";
import { getDb } from "@/lib/db";
import { statusLabel } from "@/lib/grants/status-label";
import { describeOrderStatus } from "@/lib/orders/describe-order-status";
import { listOrders } from "@/lib/orders/list-orders";
import { parseOrderListFilter } from "@/lib/orders/order-list-filter";
import { formatPrice } from "@/lib/products/format-price";
import { listProductChoices } from "@/lib/products/list-products";
import { OrderFilters } from "./order-filters";
import { OrdersTable, type OrderTableRow } from "./orders-table";

export const metadata: Metadata = { title: "Orders · Repogrant" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OrdersPage({ searchParams }: { searchParams: SearchParams }) {
  await requireMerchant();
  const params = await searchParams;
  const parsed = parseOrderListFilter(params);
  const db = await getDb();
  const products = await listProductChoices(db);
  if (!parsed.success) {
    return (
      <section className="space-y-4">
        <h1 className="text-2xl font-semibold">Orders</h1>
        <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-4 text-sm">
          <p className="font-medium text-rose-900">This link has a filter we cannot read:</p>
          <ul className="mt-1 list-disc pl-5 text-rose-800">
            {parsed.error.issues.map((issue) => (
              <li key={issue.path.join(".")}>
                {issue.path.join(".")}: {issue.message}
              </li>
            ))}
          </ul>
          <Link href="/dashboard/orders" className="mt-2 inline-block font-medium underline">
            Show all orders
          </Link>
        </div>
      </section>
    );
  }
  const filter = parsed.data;
  const page = await listOrders(db, filter);
  const rows: OrderTableRow[] = page.rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    paidAt: row.paidAt,
    buyer: row.buyerLogin ? `@${row.buyerLogin}` : (row.buyerEmail ?? "—"),
    productName: row.productName,
    amount: row.amount === null ? "—" : formatPrice(row.amount, row.currency ?? "USD"),
    status: describeOrderStatus(row.status),
    access: row.grantStatuses.map((status) => statusLabel(status)),
  }));
  const query = new URLSearchParams(
    Object.entries(params).flatMap(([key, value]) =>
      typeof value === "string" && value !== "" && key !== "page" ? [[key, value]] : [],
    ),
  );
  const hrefFor = (n: number) => {
    const next = new URLSearchParams(query);
    if (n > 1) next.set("page", String(n));
    return `/dashboard/orders${next.size ? `?${next}` : ""}`;
  };
  const exportQuery = new URLSearchParams(query);
  exportQuery.delete("size");
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Orders</h1>
          <p className="text-sm text-slate-600">
            Every order, paid or not, with the access it gave.
          </p>
        </div>
        <div className="flex gap-2">
          <a
            href={`/dashboard/orders/export${exportQuery.size ? `?${exportQuery}` : ""}`}
            className="rounded-md px-3 py-2 text-sm font-medium ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
            download
          >
            Export CSV
          </a>
          <Link
            href="/dashboard/give-access"
            className="rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700"
          >
            Give access
          </Link>
        </div>
      </div>
      <OrderFilters products={products.map(({ id, name }) => ({ id, name }))} />
      <OrdersTable
        rows={rows}
        sort={{ key: filter.sort, dir: filter.dir }}
        filtered={query.size > 0}
      />
      <Pagination
        page={page.page}
        pageCount={page.pageCount}
        total={page.total}
        totalCapped={page.totalCapped}
        href={hrefFor}
        noun={page.total === 1 ? "order" : "orders"}
      />
    </section>
  );
}
