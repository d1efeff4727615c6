import { z } from "zod";

// PostgreSQL's text refuses NUL; a sender's NUL is a malformed field, not our failure.
const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((value) => !value.includes("\0"), "must not contain a NUL character");
// orders.amount is a PostgreSQL integer; buyers.github_user_id a bigint read as a JS number.
const MAX_AMOUNT = 2 ** 31 - 1;

const githubLogin = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/, "is not a valid GitHub login");

const buyer = z.union(
  [
    z.strictObject({ githubLogin }),
    z.strictObject({ githubUserId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
    z.strictObject({ logtoUserId: text(128) }),
    z.strictObject({ email: z.email().max(320) }),
  ],
  { error: "must be exactly one of githubLogin, githubUserId, logtoUserId, email" },
);

export type BuyerReference = z.infer<typeof buyer>;

const orderData = z
  .object({
    orderId: text(64).optional(),
    externalId: text(200).optional(),
    product: text(100).optional(),
    buyer: buyer.optional(),
    amount: z.number().int().nonnegative().max(MAX_AMOUNT).optional(),
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/, "must be a 3-letter currency code")
      .optional(),
  })
  .superRefine((data, ctx) => {
    if (data.orderId) return;
    for (const field of ["externalId", "product", "buyer"] as const) {
      if (data[field] === undefined) {
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: "is required when orderId is not given",
        });
      }
    }
  });

export type OrderData = z.infer<typeof orderData>;

/** The public order webhook contract (README: "Order webhook"). */
export const orderEventSchema = z.object({
  type: z.enum(["order.paid", "order.refunded"]),
  // Informational only: freshness comes from the signed webhook-timestamp header.
  timestamp: z.string().max(64).optional(),
  data: orderData,
});

export type OrderEvent = z.infer<typeof orderEventSchema>;

/** How deep a valid event nests (body → data → buyer → value); anything deeper is refused. */
export const MAX_EVENT_DEPTH = 8;

/** The nesting depth of a parsed JSON value, walked without recursion (a hostile body is deep). */
export function exceedsDepth(value: unknown, limit: number): boolean {
  let level: unknown[] = [value];
  for (let depth = 0; level.length > 0; depth += 1) {
    if (depth > limit) return true;
    const next: unknown[] = [];
    for (const item of level) {
      if (item === null || typeof item !== "object") continue;
      for (const child of Object.values(item)) next.push(child);
    }
    level = next;
  }
  return false;
}

/** "data.buyer.githubLogin: is not a valid GitHub login" — the field first, for the sender. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "body"}: ${issue.message}`)
    .join("; ");
}
