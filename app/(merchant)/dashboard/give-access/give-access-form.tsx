"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { StatusBadge } from "@/components/ui/status-badge";
import { giveAccessAction } from "./actions";

const OUTCOMES = {
  given: { tone: "success", label: "Given" },
  skipped: { tone: "waiting", label: "Skipped" },
  refused: { tone: "problem", label: "Not given" },
} as const;

export function GiveAccessForm({
  products,
}: {
  products: { id: string; name: string; active: boolean }[];
}) {
  const [result, action, pending] = useActionState(giveAccessAction, null);
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  if (products.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
        There is no product to give yet.{" "}
        <Link href="/dashboard/products/new" className="font-medium underline">
          Create one
        </Link>{" "}
        first.
      </p>
    );
  }
  return (
    <div className="space-y-4">
      <form
        action={action}
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
      >
        {result && !result.ok && !result.fieldErrors ? (
          <p
            role="alert"
            className="rounded-md border border-rose-200 bg-rose-50 p-3 text-sm text-rose-900"
          >
            {result.error}
          </p>
        ) : null}
        <Field id="productId" label="Product" errors={errors?.productId}>
          <select
            id="productId"
            name="productId"
            className={inputClass}
            defaultValue=""
            required
            {...describedBy("productId", errors?.productId)}
          >
            <option value="" disabled>
              Choose a product
            </option>
            {products.map((product) => (
              <option key={product.id} value={product.id}>
                {product.name}
                {product.active ? "" : " (off sale)"}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="logins"
          label="GitHub logins"
          hint="One login, or a pasted list: separated by spaces, commas or new lines; a leading @ is fine."
          errors={errors?.logins}
        >
          <textarea
            id="logins"
            name="logins"
            rows={4}
            className={`${inputClass} font-mono`}
            placeholder="hubot"
            required
            {...describedBy("logins", errors?.logins, true)}
          />
        </Field>
        <Button type="submit" pending={pending}>
          Give access
        </Button>
      </form>
      {result?.ok ? (
        <section
          aria-labelledby="report"
          aria-live="polite"
          className="rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id="report" className="font-semibold">
            What happened
          </h2>
          <ul className="mt-2 divide-y divide-slate-100 text-sm">
            {result.data.reports.map((report) => (
              <li key={report.login} className="flex flex-wrap items-center gap-2 py-2">
                <StatusBadge {...OUTCOMES[report.outcome]} />
                <span className="font-medium">@{report.login}</span>
                <span className="text-slate-700">
                  {report.outcome === "given"
                    ? "paid order created; the invitation is on its way"
                    : report.reason}
                </span>
                {"orderId" in report && report.orderId ? (
                  <Link
                    href={`/dashboard/orders/${report.orderId}`}
                    className="text-sky-800 hover:underline"
                  >
                    Open the order
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
