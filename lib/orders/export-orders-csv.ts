import { and, desc, eq, lt, or, sql, type SQL } from "drizzle-orm";
import { buyers, orders, products } from "../db/schema";
import type { Database } from "../db/types";
import { orderFilterCondition } from "./list-orders";
import type { OrderListFilter } from "./order-list-filter";

const HEADER = [
  "order_id",
  "created_at",
  "paid_at",
  "refunded_at",
  "status",
  "source",
  "external_id",
  "amount",
  "currency",
  "product",
  "github_login",
  "email",
];

/**
 * One CSV field. Quoted when needed, and a leading = + - @ is defused with a quote mark so a
 * spreadsheet never runs a buyer-supplied value as a formula.
 */
export function csvField(value: string | number | Date | null): string {
  if (value === null) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

type Cursor = { createdAt: Date; id: string };

function readBatch(db: Database, where: SQL | undefined, after: Cursor | null, size: number) {
  const cursor = after
    ? or(
        lt(orders.createdAt, after.createdAt),
        and(eq(orders.createdAt, after.createdAt), lt(orders.id, after.id)),
      )
    : undefined;
  return db
    .select({
      id: orders.id,
      createdAt: orders.createdAt,
      paidAt: orders.paidAt,
      refundedAt: orders.refundedAt,
      status: orders.status,
      source: orders.source,
      externalId: orders.externalId,
      amount: orders.amount,
      currency: orders.currency,
      product: products.name,
      githubLogin: buyers.githubLogin,
      email: sql<string | null>`coalesce(${orders.buyerEmail}, ${buyers.email})`,
    })
    .from(orders)
    .innerJoin(products, eq(products.id, orders.productId))
    .leftJoin(buyers, eq(buyers.id, orders.buyerId))
    .where(and(where, cursor))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(size);
}

/**
 * The orders of a filter as CSV, a batch at a time (newest first, keyset-paged on created_at
 * and id), so an export of 100,000 orders never sits in memory. Yields chunks of text.
 */
export async function* exportOrdersCsv(
  db: Database,
  filter: Pick<OrderListFilter, "status" | "product" | "from" | "to" | "q">,
  batchSize = 1000,
): AsyncGenerator<string> {
  yield `${HEADER.join(",")}\r\n`;
  const where = await orderFilterCondition(db, filter);
  let after: Cursor | null = null;
  for (;;) {
    const batch = await readBatch(db, where, after, batchSize);
    if (batch.length === 0) return;
    yield batch
      .map(
        (row) =>
          [
            row.id,
            row.createdAt,
            row.paidAt,
            row.refundedAt,
            row.status,
            row.source,
            row.externalId,
            row.amount,
            row.currency,
            row.product,
            row.githubLogin,
            row.email,
          ]
            .map(csvField)
            .join(",") + "\r\n",
      )
      .join("");
    const last = batch.at(-1)!;
    after = { createdAt: last.createdAt, id: last.id };
    if (batch.length < batchSize) return;
  }
}
