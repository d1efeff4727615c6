import { asc, eq, inArray } from "drizzle-orm";
import { buyers, grantEvents, grants, orders, products } from "../db/schema";
import type { Database } from "../db/types";
import { describableGrantColumns } from "../grants/grant-columns";

/** One order as the merchant's order page shows it: buyer, product, grants and their history. */
export async function getOrderDetail(db: Database, orderId: string) {
  const [order] = await db
    .select({
      id: orders.id,
      status: orders.status,
      source: orders.source,
      externalId: orders.externalId,
      paymentProvider: orders.paymentProvider,
      providerPaymentId: orders.providerPaymentId,
      amount: orders.amount,
      currency: orders.currency,
      createdAt: orders.createdAt,
      paidAt: orders.paidAt,
      refundedAt: orders.refundedAt,
      canceledAt: orders.canceledAt,
      orderEmail: orders.buyerEmail,
      product: { id: products.id, name: products.name, slug: products.slug },
      buyerId: orders.buyerId,
      buyerLogin: buyers.githubLogin,
      buyerGithubUserId: buyers.githubUserId,
      buyerEmail: buyers.email,
      buyerName: buyers.name,
    })
    .from(orders)
    .innerJoin(products, eq(products.id, orders.productId))
    .leftJoin(buyers, eq(buyers.id, orders.buyerId))
    .where(eq(orders.id, orderId));
  if (!order) return undefined;

  const grantRows = await db
    .select({
      id: grants.id,
      ...describableGrantColumns,
      invitationUrl: grants.invitationUrl,
      invitedAt: grants.invitedAt,
      acceptedAt: grants.acceptedAt,
      revokedAt: grants.revokedAt,
      attempts: grants.attempts,
      lockedUntil: grants.lockedUntil,
      updatedAt: grants.updatedAt,
    })
    .from(grants)
    .where(eq(grants.orderId, orderId))
    .orderBy(asc(grants.id));

  const events =
    grantRows.length === 0
      ? []
      : await db
          .select({
            id: grantEvents.id,
            grantId: grantEvents.grantId,
            at: grantEvents.at,
            kind: grantEvents.kind,
            githubStatus: grantEvents.githubStatus,
            requestId: grantEvents.requestId,
            detail: grantEvents.detail,
          })
          .from(grantEvents)
          .where(
            inArray(
              grantEvents.grantId,
              grantRows.map((grant) => grant.id),
            ),
          )
          .orderBy(asc(grantEvents.at), asc(grantEvents.id));

  return {
    ...order,
    grants: grantRows.map((grant) => ({
      ...grant,
      events: events.filter((event) => event.grantId === grant.id),
    })),
  };
}

export type OrderDetail = NonNullable<Awaited<ReturnType<typeof getOrderDetail>>>;
export type OrderDetailGrant = OrderDetail["grants"][number];
export type GrantEventRow = OrderDetailGrant["events"][number];
