import { parseAsInteger, parseAsString, parseAsStringLiteral } from "nuqs";
import { ORDER_SORTS } from "@/lib/orders/order-list-filter";
import { ORDER_STATUSES } from "@/lib/db/status-values";

/**
 * The orders table's URL state for the browser. The server reads the same keys through
 * orderListFilterSchema (lib/orders/order-list-filter.ts), which is the one that decides.
 */
export const orderTableParsers = {
  status: parseAsStringLiteral(ORDER_STATUSES),
  product: parseAsString,
  from: parseAsString,
  to: parseAsString,
  q: parseAsString,
  sort: parseAsStringLiteral(ORDER_SORTS),
  dir: parseAsStringLiteral(["asc", "desc"] as const),
  page: parseAsInteger,
};
