import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import { grants, orders, products, type OrderStatus } from "../db/schema";
import type { Database } from "../db/types";
import { describableGrantColumns } from "../grants/grant-columns";
import { describeGrantStatus, type DescribableGrant } from "../grants/describe-grant-status";

export interface PurchaseGrant extends DescribableGrant {
  id: number;
}

export interface Purchase {
  orderId: string;
  status: OrderStatus;
  createdAt: Date;
  paidAt: Date | null;
  refundedAt: Date | null;
  amount: number | null;
  currency: string | null;
  product: { slug: string; name: string; paymentLink: string | null };
  grants: PurchaseGrant[];
}

const orderColumns = {
  orderId: orders.id,
  status: orders.status,
  createdAt: orders.createdAt,
  paidAt: orders.paidAt,
  refundedAt: orders.refundedAt,
  amount: orders.amount,
  currency: orders.currency,
  productSlug: products.slug,
  productName: products.name,
  paymentLink: products.paymentLink,
};

const grantColumns = {
  id: grants.id,
  orderId: grants.orderId,
  ...describableGrantColumns,
};

/** Orders matching `where`, newest first, each with its product and its grants. */
async function selectPurchases(db: Database, where: SQL | undefined): Promise<Purchase[]> {
  const rows = await db
    .select(orderColumns)
    .from(orders)
    .innerJoin(products, eq(products.id, orders.productId))
    .where(where)
    .orderBy(desc(orders.createdAt));
  const ids = rows.map((row) => row.orderId);
  const items =
    ids.length === 0
      ? []
      : await db
          .select(grantColumns)
          .from(grants)
          .where(inArray(grants.orderId, ids))
          .orderBy(asc(grants.id));
  return rows.map(({ productSlug, productName, paymentLink, ...order }) => ({
    ...order,
    product: { slug: productSlug, name: productName, paymentLink },
    grants: items
      .filter((grant) => grant.orderId === order.orderId)
      .map(({ orderId: _order, ...grant }) => grant),
  }));
}

/** The signed-in buyer's orders, newest first, each with what it grants and where that stands. */
export async function listBuyerPurchases(db: Database, buyerId: string): Promise<Purchase[]> {
  return selectPurchases(db, eq(orders.buyerId, buyerId));
}

/**
 * One order, only if it is the buyer's: anyone else's id reads as unknown, so a page answers 404
 * and never reveals that the order exists.
 */
export async function getBuyerPurchase(
  db: Database,
  buyerId: string,
  orderId: string,
): Promise<Purchase | undefined> {
  const [purchase] = await selectPurchases(
    db,
    and(eq(orders.id, orderId), eq(orders.buyerId, buyerId)),
  );
  return purchase;
}

/**
 * Whether the purchase is still moving by itself: a payment on its way (the provider's webhook
 * may land after the buyer is back) or a grant the engine is working on. Pages poll until not.
 */
export function purchaseInFlight(purchase: Purchase): boolean {
  if (purchase.status === "pending") return true;
  return purchase.grants.some((grant) => describeGrantStatus(grant, "buyer").inFlight);
}

/** Whether something bought waits for the buyer to sign in with GitHub (an email-only order). */
export function purchaseAwaitsGithub(purchase: Purchase): boolean {
  return purchase.grants.some((grant) => grant.status === "waiting_for_github");
}
