// B5: 120 paid orders for one repository within a day, against GitHub's (and our) limit of 50
// invitations per repository per 24 h: 50 invited, 70 waiting until the window frees a slot,
// and GitHub never answers 422 (we stop before it would).
import { and, eq, like } from "drizzle-orm";
import { grants, orders } from "../../lib/db/schema";
import { startGithubEmulator } from "../../sandbox/github/emulator";
import { seedWithBuyers } from "../../test/support/fulfillment-fixtures";
import {
  addBenchProduct,
  freshDatabase,
  fulfilNow,
  startServer,
  type DatabaseKind,
} from "./bench-server";
import {
  BUYERS,
  INVITE_ROUTE,
  buyerLogin,
  figure,
  paidOrderBody,
  postDelivery,
  signedDelivery,
} from "./orders";

const ORDERS = 120;
const LIMIT = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function benchQuota(
  kind: DatabaseKind,
  postgresBase: string | undefined,
  port: number,
) {
  const database = await freshDatabase(kind, postgresBase);
  const emulator = await startGithubEmulator({ port: 0, seed: seedWithBuyers(BUYERS) });
  try {
    await addBenchProduct(database);
    const server = await startServer({
      port,
      database,
      emulator,
      writeIntervalMs: 0,
      inviteDailyLimit: LIMIT,
    });
    const sentAt = Date.now();
    const statuses = await Promise.all(
      Array.from({ length: ORDERS }, (_, i) =>
        postDelivery(server.url, signedDelivery(paidOrderBody(`b5-${i}`, buyerLogin(1 + i)))),
      ),
    );
    // Once a pass has run to the end, every due grant was invited or set aside.
    await fulfilNow(server.url);
    await server.stop();

    const check = await database.open();
    const ofB5 = and(like(orders.externalId, "b5-%"), eq(grants.orderId, orders.id));
    const rows = await check.db
      .select({ status: grants.status, next: grants.nextAttemptAt })
      .from(grants)
      .innerJoin(orders, ofB5);
    await check.close();
    const invited = rows.filter((row) => row.status === "invited").length;
    const waiting = rows.filter((row) => row.status === "queued");
    // The first slot frees 24 h after the first invitation was reserved: after the orders were
    // sent and before the emulator received the first PUT.
    const firstPut = Math.min(
      ...emulator.requestLog.entries
        .filter((e) => `${e.method} ${e.route}` === INVITE_ROUTE)
        .map((e) => e.at),
    );
    const rightTime = waiting.every((row) => {
      const freesAt = row.next ? new Date(row.next).getTime() - DAY_MS : NaN;
      return freesAt >= sentAt && freesAt <= firstPut;
    });
    const refused = emulator.requestLog.count(INVITE_ROUTE, 422);
    figure(
      `B5 ${ORDERS} orders for one repository, answered 2xx`,
      String(statuses.filter((s) => s === 200).length),
      `= ${ORDERS}`,
      statuses.every((s) => s === 200),
    );
    figure("B5 invited", String(invited), `= ${LIMIT}`, invited === LIMIT);
    figure(
      "B5 waiting for the daily limit",
      String(waiting.length),
      `= ${ORDERS - LIMIT}`,
      waiting.length === ORDERS - LIMIT,
    );
    figure(
      "B5 waiting until the first invitation + 24 h",
      rightTime ? "all" : "not all",
      "all",
      rightTime && waiting.length > 0,
    );
    figure("B5 GitHub 422 answers provoked", String(refused), "0", refused === 0);
  } finally {
    await emulator.close();
    await database.drop();
  }
}
