import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

// Liveness for orchestrators: answers while the process serves requests, touching nothing (no
// database, no config), so a slow or restarting database never gets a live server killed. The
// readiness check beside it (/api/health) is the one that asks the database. The bench also
// uses this route as the cost of a Next.js request with no work in it.
export function GET() {
  return NextResponse.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}
