"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Re-renders the page from the server every `intervalMs` while `active`: a purchase or a grant in
 * flight moves on by itself, on the buyer's page and the merchant's alike. The server renders `active={false}` once everything has settled, which
 * stops the polling.
 */
export function AutoRefresh({
  active,
  intervalMs = 1000,
}: {
  active: boolean;
  intervalMs?: number;
}) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    // A tab in the background need not keep the server busy.
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, router]);
  return active ? (
    <p className="sr-only" role="status">
      This page updates by itself.
    </p>
  ) : null;
}
