"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Re-renders the page from the server every `intervalMs` while `active`: a purchase in flight
 * moves on by itself. The server renders `active={false}` once everything has settled, which
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
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, router]);
  return active ? (
    <p className="sr-only" role="status">
      This page updates by itself.
    </p>
  ) : null;
}
