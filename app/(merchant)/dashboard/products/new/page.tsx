import type { Metadata } from "next";
import Link from "next/link";
import { requireMerchant } from "@/lib/auth/require-merchant";
import { ProductEditor } from "../product-editor";

export const metadata: Metadata = { title: "New product · Repogrant" };
export const dynamic = "force-dynamic";

export default async function NewProductPage() {
  await requireMerchant();
  return (
    <section className="space-y-4">
      <Link href="/dashboard/products" className="text-sm text-sky-800 hover:underline">
        ← Products
      </Link>
      <h1 className="text-2xl font-semibold">New product</h1>
      <ProductEditor
        initial={{
          name: "",
          slug: "",
          description: "",
          price: "",
          currency: "USD",
          paymentLink: "",
          paymentProvider: "",
          providerProductRef: "",
          providerAmount: "",
          revokeOnPartialRefund: false,
          active: false,
          entitlements: [
            { key: "first", kind: "github_repo", owner: "", repo: "", permission: "pull" },
          ],
        }}
      />
    </section>
  );
}
