import { and, asc, desc, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { buyers, grants, orders, products, type GrantStatus, type OrderStatus } from "../db/schema";
import type { Database } from "../db/types";
import { dateRange, type OrderListFilter } from "./order-list-filter";

export interface OrderListRow {
  id: string;
  createdAt: Date;
  paidAt: Date | null;
  status: OrderStatus;
  source: string;
  externalId: string | null;
  amount: number | null;
  currency: string | null;
  productId: string;
  productName: string;
  buyerLogin: string | null;
  buyerEmail: string | null;
  /** The status of each grant of the order, in entitlement order. */
  grantStatuses: GrantStatus[];
}

export interface OrderListPage {
  rows: OrderListRow[];
  /** Exact up to COUNT_CAP; beyond it, COUNT_CAP with `totalCapped`. */
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
  pageCount: number;
}

/**
 * Counting every match of a broad filter costs a scan of all of them, at 100,000 orders the
 * slowest part of the page; nobody pages that far, so past this many the count says "10,000+".
 */
export const COUNT_CAP = 10_000;

/**
 * What the search box matches, exactly and case-insensitively: an order id, an external id, an
 * email, or a GitHub login (with or without "@"). Exact matches keep every search an index
 * lookup at any number of orders.
 */
async function searchCondition(db: Database, q: string): Promise<SQL> {
  const term = q.replace(/^@/, "");
  // Resolved first, so the orders query gets a plain list it can look up in orders_buyer_idx.
  const matchingBuyers = await db
    .select({ id: buyers.id })
    .from(buyers)
    .where(
      or(
        sql`lower(${buyers.githubLogin}) = lower(${term})`,
        sql`lower(${buyers.email}) = lower(${term})`,
      ),
    )
    .limit(100);
  return or(
    eq(orders.id, q),
    eq(orders.externalId, q),
    sql`lower(${orders.buyerEmail}) = lower(${term})`,
    matchingBuyers.length > 0
      ? inArray(
          orders.buyerId,
          matchingBuyers.map((buyer) => buyer.id),
        )
      : undefined,
  )!;
}

/** The WHERE clause of a filter; shared by the page, the count and the CSV export. */
export async function orderFilterCondition(
  db: Database,
  filter: Pick<OrderListFilter, "status" | "product" | "from" | "to" | "q">,
): Promise<SQL | undefined> {
  const { from, to } = dateRange(filter);
  return and(
    filter.status ? eq(orders.status, filter.status) : undefined,
    filter.product ? eq(orders.productId, filter.product) : undefined,
    from ? gte(orders.createdAt, from) : undefined,
    to ? lt(orders.createdAt, to) : undefined,
    filter.q ? await searchCondition(db, filter.q) : undefined,
  );
}

const SORT_COLUMNS = {
  created: orders.createdAt,
  paid: orders.paidAt,
  amount: orders.amount,
} as const;

function orderBy(filter: Pick<OrderListFilter, "sort" | "dir">): SQL[] {
  const direction = filter.dir === "asc" ? asc : desc;
  if (filter.sort === "created") return [direction(orders.createdAt), direction(orders.id)];
  const column = SORT_COLUMNS[filter.sort];
  // Unpaid orders have no paid_at and some orders no amount: they go last in both directions,
  // which is what the (… nulls last, id) indexes are built for.
  return filter.dir === "asc"
    ? [sql`${column} asc nulls last`, asc(orders.id)]
    : [sql`${column} desc nulls last`, sql`${orders.id} desc nulls last`];
}

/**
 * The page's select, unexecuted: listOrders runs it, the bench EXPLAINs it. The page's ids are
 * picked from orders alone (an index scan, however deep the offset) and only those rows are
 * joined to products and buyers: a later page does not join the rows it skips.
 */
export function ordersPageQuery(db: Database, filter: OrderListFilter, where: SQL | undefined) {
  const page = db
    .select({ id: orders.id })
    .from(orders)
    .where(where)
    .orderBy(...orderBy(filter))
    .limit(filter.size)
    .offset((filter.page - 1) * filter.size)
    .as("page");
  return db
    .select({
      id: orders.id,
      createdAt: orders.createdAt,
      paidAt: orders.paidAt,
      status: orders.status,
      source: orders.source,
      externalId: orders.externalId,
      amount: orders.amount,
      currency: orders.currency,
      productId: orders.productId,
      productName: products.name,
      buyerLogin: buyers.githubLogin,
      buyerEmail: sql<string | null>`coalesce(${orders.buyerEmail}, ${buyers.email})`,
    })
    .from(page)
    .innerJoin(orders, eq(orders.id, page.id))
    .innerJoin(products, eq(products.id, orders.productId))
    .leftJoin(buyers, eq(buyers.id, orders.buyerId))
    .orderBy(...orderBy(filter));
}

/** The capped count of a filter's matches, unexecuted (the bench EXPLAINs it too). */
export function countCapped(db: Database, where: SQL | undefined) {
  const capped = db
    .select({ one: sql`1`.as("one") })
    .from(orders)
    .where(where)
    .limit(COUNT_CAP + 1)
    .as("capped");
  return db.select({ total: sql<number>`count(*)::int` }).from(capped);
}

/**
 * One page of orders for the merchant's table: filtered, searched and sorted in the database,
 * never more than one page of rows leaving it.
 */
export async function listOrders(db: Database, filter: OrderListFilter): Promise<OrderListPage> {
  const where = await orderFilterCondition(db, filter);
  const [counted, page] = await Promise.all([
    countCapped(db, where),
    ordersPageQuery(db, filter, where),
  ]);
  const statuses = await grantStatusesOf(
    db,
    page.map((row) => row.id),
  );
  const matched = counted[0]?.total ?? 0;
  const totalCapped = matched > COUNT_CAP;
  const total = Math.min(matched, COUNT_CAP);
  return {
    rows: page.map((row) => ({ ...row, grantStatuses: statuses.get(row.id) ?? [] })),
    total,
    totalCapped,
    page: filter.page,
    pageSize: filter.size,
    // Past the cap the last page is unknown: offer one more while pages come back full.
    pageCount: totalCapped
      ? Math.max(
          Math.ceil(total / filter.size),
          filter.page + (page.length === filter.size ? 1 : 0),
        )
      : Math.max(1, Math.ceil(total / filter.size)),
  };
}

async function grantStatusesOf(db: Database, orderIds: string[]) {
  const byOrder = new Map<string, GrantStatus[]>();
  if (orderIds.length === 0) return byOrder;
  const rows = await db
    .select({ orderId: grants.orderId, status: grants.status })
    .from(grants)
    .where(inArray(grants.orderId, orderIds))
    .orderBy(asc(grants.id));
  for (const row of rows) {
    byOrder.set(row.orderId, [...(byOrder.get(row.orderId) ?? []), row.status]);
  }
  return byOrder;
}
