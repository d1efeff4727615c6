import { NextResponse } from "next/server";
import { refuseUnlessMerchant } from "@/lib/auth/require-merchant";
import { getDb } from "@/lib/db";
import { exportOrdersCsv } from "@/lib/orders/export-orders-csv";
import { parseOrderListFilter } from "@/lib/orders/order-list-filter";

export const dynamic = "force-dynamic";

/** The orders of the current filter as a CSV download, streamed a batch at a time. */
export async function GET(request: Request) {
  const refusal = await refuseUnlessMerchant();
  if (refusal) return refusal;
  const parsed = parseOrderListFilter(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    return NextResponse.json({ error: `Bad filter: ${problems.join("; ")}` }, { status: 400 });
  }
  const chunks = exportOrdersCsv(await getDb(), parsed.data);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="orders-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
