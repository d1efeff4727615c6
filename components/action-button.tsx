"use client";

import { useActionState } from "react";
import type { GuardedAction } from "@/lib/auth/guard";

const VARIANTS = {
  primary: "bg-slate-900 hover:bg-slate-700 focus-visible:ring-slate-900",
  pay: "bg-emerald-700 hover:bg-emerald-800 focus-visible:ring-emerald-700",
};

/**
 * One button that runs a guarded server action with a few hidden fields, shows that it is
 * working, and says in words why it did not (the action's own error). Success usually
 * redirects or re-renders the page, so it needs no message of its own.
 */
export function ActionButton<T>({
  action,
  fields,
  label,
  pendingLabel,
  ariaLabel,
  variant = "primary",
  fullWidth = false,
}: {
  action: GuardedAction<T>;
  fields: Record<string, string | number>;
  label: string;
  pendingLabel: string;
  ariaLabel?: string;
  variant?: keyof typeof VARIANTS;
  fullWidth?: boolean;
}) {
  const [result, run, pending] = useActionState(action, null);
  return (
    <form action={run} className={fullWidth ? "space-y-2" : "flex flex-wrap items-center gap-3"}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending || result?.ok === true}
        aria-label={ariaLabel}
        className={`${fullWidth ? "w-full px-4 py-2" : "px-3 py-1.5"} inline-flex justify-center rounded-md text-sm font-semibold text-white focus-visible:ring-2 focus-visible:ring-offset-2 focus-visible:outline-none disabled:opacity-60 ${VARIANTS[variant]}`}
      >
        {pending ? pendingLabel : label}
      </button>
      <span role="status" aria-live="polite" className="text-sm text-red-800">
        {result && !result.ok ? result.error : null}
      </span>
    </form>
  );
}
