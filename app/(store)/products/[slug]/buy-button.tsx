"use client";

import { useActionState } from "react";
import { buyProductAction } from "./actions";

/** Buy: the action creates the pending order and sends the browser to the payment step. */
export function BuyButton({ slug }: { slug: string }) {
  const [result, action, pending] = useActionState(buyProductAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="slug" value={slug} />
      <button
        type="submit"
        disabled={pending}
        className="inline-flex w-full justify-center rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 focus-visible:ring-2 focus-visible:ring-slate-900 focus-visible:ring-offset-2 focus-visible:outline-none disabled:opacity-60"
      >
        {pending ? "Taking you to payment…" : "Buy"}
      </button>
      {result && !result.ok ? (
        <p role="alert" className="text-sm text-red-800">
          {result.error}
        </p>
      ) : null}
    </form>
  );
}
