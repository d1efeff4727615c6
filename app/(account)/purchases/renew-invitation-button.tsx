"use client";

import { useActionState } from "react";
import { renewInvitationAction } from "./actions";

export function RenewInvitationButton({ grantId, target }: { grantId: number; target: string }) {
  const [result, action, pending] = useActionState(renewInvitationAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="grantId" value={grantId} />
      <button
        type="submit"
        disabled={pending || result?.ok === true}
        aria-label={`Send a new invitation to ${target}`}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-slate-900 focus-visible:outline-none disabled:opacity-60"
      >
        {pending ? "Sending…" : "Send a new invitation"}
      </button>
      <span role="status" aria-live="polite" className="text-sm">
        {result?.ok ? "A new invitation is on its way: watch your GitHub notifications." : null}
        {result && !result.ok ? <span className="text-red-700">{result.error}</span> : null}
      </span>
    </form>
  );
}
