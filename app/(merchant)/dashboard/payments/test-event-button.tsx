"use client";

import { useActionState } from "react";
import type { PaymentProvider } from "@/lib/db/status-values";
import { sendTestEventAction } from "./actions";

/** "Send test event", and the route's answer in words beside it. */
export function TestEventButton({ provider, name }: { provider: PaymentProvider; name: string }) {
  const [result, run, pending] = useActionState(sendTestEventAction, null);
  return (
    <form action={run} className="space-y-2">
      <input type="hidden" name="provider" value={provider} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Send a ${name} test event`}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-sky-600 focus-visible:outline-none disabled:opacity-60"
      >
        {pending ? "Sending…" : "Send test event"}
      </button>
      <p role="status" aria-live="polite" className="text-xs break-words text-slate-600">
        {result ? (result.ok ? result.data.message : result.error) : null}
      </p>
    </form>
  );
}
