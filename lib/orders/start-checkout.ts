import { and, desc, eq, gt } from "drizzle-orm";
import { newOrderId, orders } from "../db/schema";
import type { Database } from "../db/types";
import type { ProductForSale } from "../products/queries";
import { findExistingAccess } from "./existing-access";

/** Where test payments are offered: always (sandbox), only where no payment link is set, never. */
export type TestPayments = "always" | "without_payment_link" | "off";

export interface CheckoutBuyer {
  id: string;
  /** GitHub's numeric id from sign-in: without it there is nobody to invite. */
  githubUserId: number | null;
}

export type CheckoutOutcome =
  /** We can only invite a GitHub account: no order is created for anyone else. */
  | { kind: "github_required" }
  | { kind: "already_has_access"; orderId: string }
  /** No payment link and no test payments: the seller has not set up payment. */
  | { kind: "unavailable" }
  | { kind: "pay"; orderId: string; paymentUrl: string };

export const CHECKOUT_SOURCE = "checkout";

// A buyer who clicks Buy twice, or comes back from the payment page, keeps the same order.
const REUSE_PENDING_FOR_MS = 24 * 60 * 60 * 1000;

/** Whether this product is paid on our own test checkout page rather than its payment link. */
export function paysByTestCheckout(
  product: Pick<ProductForSale, "paymentLink">,
  testPayments: TestPayments,
): boolean {
  return (
    testPayments === "always" || (testPayments === "without_payment_link" && !product.paymentLink)
  );
}

/** The test checkout page of our own app, or the merchant's payment link for this order. */
export function paymentUrlFor(
  product: Pick<ProductForSale, "paymentLink">,
  orderId: string,
  testPayments: TestPayments,
): string | null {
  if (paysByTestCheckout(product, testPayments)) return `/checkout/${encodeURIComponent(orderId)}`;
  if (!product.paymentLink) return null;
  return product.paymentLink.replaceAll("{orderId}", encodeURIComponent(orderId));
}

/**
 * Buy: a buyer with a GitHub account gets a pending order (a random 128-bit id) and the URL to
 * pay it at, unless they already hold everything the product gives.
 */
export async function startCheckout(
  db: Database,
  input: { product: ProductForSale; buyer: CheckoutBuyer; testPayments: TestPayments; now: Date },
): Promise<CheckoutOutcome> {
  const { product, buyer, testPayments, now } = input;
  if (buyer.githubUserId === null) return { kind: "github_required" };

  const existing = await findExistingAccess(db, buyer, product.entitlements);
  if (existing) return { kind: "already_has_access", orderId: existing.orderId };

  // Checked before any order exists, so an unpayable product leaves nothing behind.
  if (paymentUrlFor(product, "probe", testPayments) === null) return { kind: "unavailable" };

  const [pending] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        eq(orders.buyerId, buyer.id),
        eq(orders.productId, product.id),
        eq(orders.status, "pending"),
        gt(orders.createdAt, new Date(now.getTime() - REUSE_PENDING_FOR_MS)),
      ),
    )
    .orderBy(desc(orders.createdAt))
    .limit(1);
  const orderId = pending?.id ?? newOrderId();
  if (!pending) {
    await db.insert(orders).values({
      id: orderId,
      productId: product.id,
      buyerId: buyer.id,
      status: "pending",
      source: CHECKOUT_SOURCE,
      amount: product.priceCents,
      currency: product.currency,
      createdAt: now,
    });
  }
  return { kind: "pay", orderId, paymentUrl: paymentUrlFor(product, orderId, testPayments)! };
}
