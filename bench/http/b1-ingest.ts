// B1: unique signed order.paid deliveries at 16 connections against /api/health/live, the
// same-run cost of a Next.js request that does nothing; then one connection at a time.
import autocannon from "autocannon";
import {
  BUYERS,
  ORDER_WEBHOOK_PATH,
  buyerLogin,
  figure,
  ms,
  paidOrderBody,
  signedDelivery,
} from "./orders";

export interface IngestFigures {
  ingestRps: number;
  p50: number;
  p99: number;
  non2xx: number;
  liveRps: number;
  ratio: number;
  oneConnectionP50: number;
  oneConnectionP99: number;
  orders: number;
}

async function load(options: autocannon.Options) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(options, (error: unknown, result) =>
      error
        ? reject(error instanceof Error ? error : new Error("autocannon failed"))
        : resolve(result),
    );
  });
}

/** Buyers 201–400 place B1's orders, so B2 and B3's buyers keep their own invitation counts. */
function uniqueOrders(tag: string) {
  let n = 0;
  return [
    {
      method: "POST" as const,
      path: ORDER_WEBHOOK_PATH,
      setupRequest: (request: autocannon.Request) => {
        n += 1;
        const login = buyerLogin(BUYERS / 2 + 1 + (n % (BUYERS / 2)));
        return { ...request, ...signedDelivery(paidOrderBody(`${tag}-${n}`, login)) };
      },
    },
  ];
}

export async function benchIngest(
  baseUrl: string,
  options: { seconds: number; minimums: { ratio: number } },
): Promise<IngestFigures> {
  const live = await load({
    url: `${baseUrl}/api/health/live`,
    connections: 16,
    duration: options.seconds,
  });
  const ingest = await load({
    url: baseUrl,
    connections: 16,
    duration: options.seconds,
    requests: uniqueOrders("b1"),
  });
  const single = await load({
    url: baseUrl,
    connections: 1,
    duration: Math.max(5, Math.round(options.seconds / 3)),
    requests: uniqueOrders("b1-single"),
  });
  const figures: IngestFigures = {
    ingestRps: ingest.requests.average,
    p50: ingest.latency.p50,
    p99: ingest.latency.p99,
    non2xx: ingest.non2xx + ingest.errors + ingest.timeouts,
    liveRps: live.requests.average,
    ratio: ingest.requests.average / live.requests.average,
    oneConnectionP50: single.latency.p50,
    oneConnectionP99: single.latency.p99,
    orders: ingest.requests.total + single.requests.total,
  };
  figure(
    `B1 /api/health/live, 16 conn., ${options.seconds} s`,
    `${live.requests.average.toFixed(0)} req/s`,
  );
  figure("B1 order.paid, 16 connections", `${figures.ingestRps.toFixed(0)} req/s`);
  figure(
    "B1 ingest / live ratio (same run)",
    figures.ratio.toFixed(2),
    `≥ ${options.minimums.ratio}`,
    figures.ratio >= options.minimums.ratio,
  );
  figure("B1 ingest p50", ms(figures.p50));
  figure("B1 ingest p99", ms(figures.p99), "≤ 250 ms", figures.p99 <= 250);
  figure("B1 non-2xx / errors / timeouts", String(figures.non2xx), "0", figures.non2xx === 0);
  figure("B1 one connection p50", ms(figures.oneConnectionP50));
  figure(
    "B1 one connection p99",
    ms(figures.oneConnectionP99),
    "≤ 25 ms",
    figures.oneConnectionP99 <= 25,
  );
  return figures;
}
