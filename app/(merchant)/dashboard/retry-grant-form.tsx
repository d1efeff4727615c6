"use client";

import { useActionState } from "react";
import { retryGrantAction } from "./actions";

export function RetryGrantForm() {
  const [result, action, pending] = useActionState(retryGrantAction, null);
  const fieldError = result && !result.ok ? result.fieldErrors?.grantId?.[0] : undefined;
  return (
    <form action={action} className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="flex flex-col gap-1">
        <label htmlFor="grantId" className="text-sm font-medium">
          Grant number
        </label>
        <input
          id="grantId"
          name="grantId"
          inputMode="numeric"
          required
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? "grantId-error" : undefined}
          className="w-40 rounded-md border border-slate-300 px-3 py-2 focus:ring-2 focus:ring-slate-900 focus:outline-none"
        />
        {fieldError ? (
          <p id="grantId-error" className="text-sm text-red-700">
            {fieldError}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 focus-visible:ring-2 focus-visible:ring-slate-900 focus-visible:ring-offset-2 focus-visible:outline-none disabled:opacity-60"
      >
        {pending ? "Retrying…" : "Retry now"}
      </button>
      <p role="status" aria-live="polite" className="text-sm sm:pb-2">
        {result?.ok ? `Grant ${result.data.grantId} is queued and will be sent now.` : null}
        {result && !result.ok && !fieldError ? (
          <span className="text-red-700">{result.error}</span>
        ) : null}
      </p>
    </form>
  );
}
