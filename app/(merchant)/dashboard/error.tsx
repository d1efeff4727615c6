"use client";

import { Button } from "@/components/ui/button";

// Next shows this instead of the page when loading it failed; the details stay in the server
// log (the digest ties the two together).
export default function DashboardError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-6">
      <h1 className="text-lg font-semibold text-rose-900">This page could not be loaded</h1>
      <p className="mt-1 text-sm text-rose-800">
        Something went wrong on our side, not in what you did. Try again; if it keeps happening, the
        server log has the details
        {error.digest ? ` (reference ${error.digest})` : ""}.
      </p>
      <Button className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
