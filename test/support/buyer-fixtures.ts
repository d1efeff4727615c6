import { eq } from "drizzle-orm";
import { buyers, grants, orders } from "@/lib/db/schema";
import type { Database } from "@/lib/db/types";
import { applyOrderEvent } from "@/lib/orders/apply-order-event";

export interface SignedInBuyer {
  id: string;
  githubUserId: number | null;
  githubLogin: string | null;
}

/** A buyer row as sign-in leaves it: a Logto id, and a GitHub account unless `github: null`. */
export async function signedInBuyer(
  db: Database,
  logtoUserId: string,
  github: { id: number; login: string } | null,
  email: string | null = null,
): Promise<SignedInBuyer> {
  const [row] = await db
    .insert(buyers)
    .values({
      logtoUserId,
      githubUserId: github?.id ?? null,
      githubLogin: github?.login ?? null,
      email,
    })
    .returning({
      id: buyers.id,
      githubUserId: buyers.githubUserId,
      githubLogin: buyers.githubLogin,
    });
  return row!;
}

let delivery = 0;

/** Pays an order through the order-event ingest, as the webhook would. */
export async function payOrder(db: Database, orderId: string, now: Date) {
  delivery += 1;
  return applyOrderEvent(db, {
    source: "orders",
    deliveryId: `msg_buyer_fixture_${delivery}`,
    now,
    event: { type: "order.paid", data: { orderId } },
  });
}

/** A paid order of `buyer` for `product`, straight into the database, with its grants. */
export async function paidOrderFor(
  db: Database,
  buyer: SignedInBuyer,
  productId: string,
  now: Date,
): Promise<string> {
  const [order] = await db
    .insert(orders)
    .values({ productId, buyerId: buyer.id, source: "checkout", createdAt: now })
    .returning({ id: orders.id });
  await payOrder(db, order!.id, now);
  return order!.id;
}

export async function setGrantStatus(
  db: Database,
  orderId: string,
  fields: Partial<typeof grants.$inferInsert>,
) {
  await db.update(grants).set(fields).where(eq(grants.orderId, orderId));
}
