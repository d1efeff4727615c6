// B2: 20 paid orders, each delivered 50 times at once, then all replayed 5 times. Checked
// afterwards (checkDuplicates), from the database and the emulator's request log.
import { and, count, eq, inArray, like } from "drizzle-orm";
import { grants, orders } from "../../lib/db/schema";
import type { Database } from "../../lib/db/types";
import type { GithubEmulator } from "../../sandbox/github/emulator";
import {
  INVITE_ROUTE,
  buyerLogin,
  figure,
  paidOrderBody,
  postDelivery,
  signedDelivery,
} from "./orders";

const EVENTS = 20;
const COPIES = 50;
const REPLAYS = 5;
/** Buyers 101–120: nobody else in the bench orders for them. */
const logins = Array.from({ length: EVENTS }, (_, i) => buyerLogin(101 + i));

export async function sendDuplicates(baseUrl: string) {
  const deliveryIds = logins.map((_, i) => `msg_b2_${i}_${Date.now()}`);
  const deliveries = () =>
    logins.map((login, i) => signedDelivery(paidOrderBody(`b2-${i}`, login), deliveryIds[i]));
  const statuses: number[] = [];
  const first = deliveries();
  statuses.push(
    ...(await Promise.all(
      first.flatMap((delivery) =>
        Array.from({ length: COPIES }, () => postDelivery(baseUrl, delivery)),
      ),
    )),
  );
  for (let replay = 0; replay < REPLAYS; replay++) {
    statuses.push(...(await Promise.all(deliveries().map((d) => postDelivery(baseUrl, d)))));
  }
  return statuses;
}

/** Waits (bounded) until the emulator has seen an invitation for each of B2's buyers. */
export async function waitForDuplicateInvitations(emulator: GithubEmulator, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (logins.every((login) => invitesFor(emulator, login) >= 1)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

function invitesFor(emulator: GithubEmulator, login: string) {
  return emulator.requestLog.entries.filter(
    (entry) =>
      `${entry.method} ${entry.route}` === INVITE_ROUTE && entry.path.endsWith(`/${login}`),
  ).length;
}

/** Run once the server has stopped, so nothing can still change. */
export async function checkDuplicates(db: Database, emulator: GithubEmulator, statuses: number[]) {
  const stored = await db
    .select({ id: orders.id })
    .from(orders)
    .where(like(orders.externalId, "b2-%"));
  const perOrder = stored.length
    ? await db
        .select({ orderId: grants.orderId, n: count() })
        .from(grants)
        .where(
          inArray(
            grants.orderId,
            stored.map((o) => o.id),
          ),
        )
        .groupBy(grants.orderId)
    : [];
  const invited = stored.length
    ? await db
        .select({ n: count() })
        .from(grants)
        .where(
          and(
            inArray(
              grants.orderId,
              stored.map((o) => o.id),
            ),
            eq(grants.status, "invited"),
          ),
        )
    : [{ n: 0 }];
  const puts = logins.map((login) => invitesFor(emulator, login));
  const refused = statuses.filter((status) => status < 200 || status >= 300).length;
  figure(
    `B2 deliveries sent (${EVENTS} × ${COPIES}, then ${REPLAYS} replays)`,
    String(statuses.length),
  );
  figure("B2 deliveries not answered 2xx", String(refused), "0", refused === 0);
  figure("B2 orders stored", String(stored.length), `= ${EVENTS}`, stored.length === EVENTS);
  const oneGrantEach = perOrder.length === EVENTS && perOrder.every((row) => row.n === 1);
  figure(
    "B2 grants per order (1 entitlement)",
    oneGrantEach ? "1 each" : JSON.stringify(perOrder.map((r) => r.n)),
    "1 each",
    oneGrantEach,
  );
  figure("B2 grants invited", String(invited[0]?.n ?? 0), `= ${EVENTS}`, invited[0]?.n === EVENTS);
  const onePutEach = puts.every((n) => n === 1);
  figure(
    "B2 invitation PUTs per grant (emulator log)",
    onePutEach ? "1 each" : puts.join(","),
    "1 each",
    onePutEach,
  );
}
