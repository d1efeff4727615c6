import { z } from "zod";
import { ORDER_STATUSES } from "../db/status-values";

export const ORDER_SORTS = ["created", "paid", "amount"] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];
export const ORDER_PAGE_SIZES = [25, 50, 100] as const;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-11-29")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "is not a real date");

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());

/**
 * The orders table's state as it travels in the URL (?status=paid&sort=amount&dir=asc&page=3…).
 * The page, the CSV export and the client filter bar all read it through this one schema, so
 * a shared link shows exactly the rows it was copied from.
 */
export const orderListFilterSchema = z.object({
  status: optional(z.enum(ORDER_STATUSES)),
  product: optional(z.uuid("is not a product id")),
  from: optional(day),
  to: optional(day),
  q: optional(z.string().trim().max(200)),
  sort: optional(z.enum(ORDER_SORTS)).transform((value) => value ?? "created"),
  dir: optional(z.enum(["asc", "desc"])).transform((value) => value ?? "desc"),
  page: optional(z.coerce.number().int().min(1).max(100_000)).transform((value) => value ?? 1),
  size: optional(
    z.coerce.number().pipe(z.union(ORDER_PAGE_SIZES.map((n) => z.literal(n)))),
  ).transform((value) => value ?? 25),
});

export type OrderListFilter = z.output<typeof orderListFilterSchema>;
export type OrderListFilterInput = z.input<typeof orderListFilterSchema>;

/** Reads Next's searchParams (a value may repeat; the first wins). */
export function parseOrderListFilter(
  params: Record<string, string | string[] | undefined>,
): ReturnType<typeof orderListFilterSchema.safeParse> {
  const flat = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  return orderListFilterSchema.safeParse(flat);
}

/** The date range as instants: `to` includes the whole of its (UTC) day. */
export function dateRange(filter: Pick<OrderListFilter, "from" | "to">) {
  const from = filter.from ? new Date(`${filter.from}T00:00:00Z`) : undefined;
  const to = filter.to ? new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000) : undefined;
  return { from, to };
}
