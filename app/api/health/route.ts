import { NextResponse } from "next/server";
import { getConfig } from "@/lib/config";
import { getDatabase } from "@/lib/db";
import { checkHealthOf } from "@/lib/db/health";

export const dynamic = "force-dynamic";

// Public by design (load balancers call it): it reveals the driver and migration state only.
export async function GET() {
  const health = await checkHealthOf(getDatabase, getConfig().databaseUrl ? "postgres" : "pglite");
  return NextResponse.json(health, {
    status: health.ok ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
