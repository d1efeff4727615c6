import type { Metadata } from "next";
import { getSession } from "@/lib/auth/session";
import { RetryGrantForm } from "./retry-grant-form";

export const metadata: Metadata = { title: "Dashboard · Repogrant" };
export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  const session = await getSession();
  return (
    <section className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Dashboard</h1>
        <p className="mt-1 text-slate-600">
          Signed in as{" "}
          <span className="font-medium text-slate-900">
            {session?.verifiedEmail ?? session?.name ?? session?.logtoUserId}
          </span>{" "}
          (store staff).
        </p>
      </div>
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6">
        <h2 className="font-semibold">Products, orders and deliveries are coming</h2>
        <p className="mt-1 text-sm text-slate-600">
          This dashboard is still being built. Orders already arrive through the order webhook and
          invitations are sent automatically.
        </p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 className="font-semibold">Retry a delivery now</h2>
        <p className="mt-1 text-sm text-slate-600">
          A grant that failed, or is waiting for its next attempt, is sent again at once.
        </p>
        <RetryGrantForm />
      </div>
    </section>
  );
}
