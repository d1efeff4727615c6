"use client";

import { useActionState } from "react";
import { payTestOrderAction } from "./actions";

export function PayTestButton({ orderId, price }: { orderId: string; price: string }) {
  const [result, action, pending] = useActionState(payTestOrderAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="orderId" value={orderId} />
      <button
        type="submit"
        disabled={pending}
        className="inline-flex w-full justify-center rounded-md bg-emerald-700 px-4 py-2 text-sm font-semibold text-white hover:bg-emerald-800 focus-visible:ring-2 focus-visible:ring-emerald-700 focus-visible:ring-offset-2 focus-visible:outline-none disabled:opacity-60"
      >
        {pending ? "Paying…" : `Pay ${price} (test)`}
      </button>
      {result && !result.ok ? (
        <p role="alert" className="text-sm text-red-800">
          {result.error}
        </p>
      ) : null}
    </form>
  );
}
