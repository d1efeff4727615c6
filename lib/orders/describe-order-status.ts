import type { StatusTone } from "../grants/describe-grant-status";
import type { OrderStatus } from "../db/schema";

const WORDS: Record<OrderStatus, { tone: StatusTone; label: string }> = {
  pending: { tone: "waiting", label: "Awaiting payment" },
  paid: { tone: "success", label: "Paid" },
  refunded: { tone: "ended", label: "Refunded" },
  canceled: { tone: "ended", label: "Canceled" },
};

/** An order's status as the dashboard says it. */
export function describeOrderStatus(status: OrderStatus) {
  return WORDS[status];
}

/** Where an order came from, in words: "Order webhook", "Given by hand". */
export function describeOrderSource(source: string): string {
  if (source === "manual") return "Given by hand";
  if (source === "orders") return "Order webhook";
  return source.charAt(0).toUpperCase() + source.slice(1);
}
