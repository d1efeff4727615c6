// B3: from the order webhook's 2xx to the emulator receiving the invitation PUT, with
// production pacing (one write per second per credential), orders arriving one per 1.1 s.
import type { GithubEmulator } from "../../sandbox/github/emulator";
import {
  INVITE_ROUTE,
  buyerLogin,
  figure,
  ms,
  paidOrderBody,
  percentile,
  postDelivery,
  signedDelivery,
} from "./orders";

export async function benchPaidToInvitation(
  baseUrl: string,
  emulator: GithubEmulator,
  orders: number,
) {
  const acknowledged = new Map<string, number>();
  for (let i = 0; i < orders; i++) {
    const login = buyerLogin(1 + i);
    const sent = Date.now();
    const status = await postDelivery(baseUrl, signedDelivery(paidOrderBody(`b3-${i}`, login)));
    if (status === 200) acknowledged.set(login, Date.now());
    const wait = sent + 1100 - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  const deadline = Date.now() + 30_000;
  const putAt = new Map<string, number>();
  while (Date.now() < deadline && putAt.size < acknowledged.size) {
    for (const entry of emulator.requestLog.entries) {
      if (`${entry.method} ${entry.route}` !== INVITE_ROUTE) continue;
      const login = entry.path.split("/").pop()!;
      if (acknowledged.has(login) && !putAt.has(login)) putAt.set(login, entry.at);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const calls = new Map<string, number>();
  for (const entry of emulator.requestLog.entries) {
    const route = `${entry.method} ${entry.route}`;
    calls.set(route, (calls.get(route) ?? 0) + 1);
  }
  const latencies = [...putAt].map(([login, at]) => at - acknowledged.get(login)!);
  const p50 = percentile(latencies, 50);
  const p95 = percentile(latencies, 95);
  figure(`B3 orders (one per 1.1 s, pacing 1 s)`, `${acknowledged.size} acked`);
  figure(
    "B3 invitations seen by the emulator",
    String(putAt.size),
    `= ${acknowledged.size}`,
    putAt.size === acknowledged.size,
  );
  figure("B3 paid → invitation PUT p50", ms(p50), "≤ 100 ms", p50 <= 100);
  figure("B3 paid → invitation PUT p95", ms(p95), "≤ 1,000 ms", p95 <= 1000);
  figure(
    "B3 GitHub calls per order",
    [...calls].map(([route, n]) => `${route} × ${(n / acknowledged.size).toFixed(2)}`).join("; "),
  );
  return { p50, p95 };
}
