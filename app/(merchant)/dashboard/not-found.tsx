import Link from "next/link";

export default function DashboardNotFound() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-lg font-semibold">Not found</h1>
      <p className="mt-1 text-sm text-slate-600">
        There is no such order or product — the link may be mistyped, or it was made on another
        Repogrant.
      </p>
      <p className="mt-3 flex gap-4 text-sm font-medium">
        <Link href="/dashboard/orders" className="text-sky-800 hover:underline">
          Orders
        </Link>
        <Link href="/dashboard/products" className="text-sky-800 hover:underline">
          Products
        </Link>
      </p>
    </div>
  );
}
