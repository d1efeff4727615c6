import type { Metadata } from "next";
import { requireMerchant } from "@/lib/auth/require-merchant";
import { getDb } from "@/lib/db";
import { listProductChoices } from "@/lib/products/list-products";
import { GiveAccessForm } from "./give-access-form";

export const metadata: Metadata = { title: "Give access · Repogrant" };
export const dynamic = "force-dynamic";

export default async function GiveAccessPage() {
  await requireMerchant();
  const products = await listProductChoices(await getDb());
  return (
    <section className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Give access</h1>
        <p className="text-sm text-slate-600">
          For comps, support cases and moving buyers over from another tool: each GitHub login gets
          a paid order with the source “given by hand”, and the invitations go out as for a sale.
        </p>
      </div>
      <GiveAccessForm products={products} />
    </section>
  );
}
