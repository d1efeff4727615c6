import { z } from "zod";

const githubLogin = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/, "is not a valid GitHub login");

const buyer = z.union(
  [
    z.strictObject({ githubLogin }),
    z.strictObject({ githubUserId: z.number().int().positive() }),
    z.strictObject({ logtoUserId: z.string().min(1).max(128) }),
    z.strictObject({ email: z.email() }),
  ],
  { error: "must be exactly one of githubLogin, githubUserId, logtoUserId, email" },
);

export type BuyerReference = z.infer<typeof buyer>;

const orderData = z
  .object({
    orderId: z.string().min(1).max(64).optional(),
    externalId: z.string().min(1).max(200).optional(),
    product: z.string().min(1).max(100).optional(),
    buyer: buyer.optional(),
    amount: z.number().int().nonnegative().optional(),
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
  timestamp: z.string().optional(),
  data: orderData,
});

export type OrderEvent = z.infer<typeof orderEventSchema>;

/** "data.buyer.githubLogin: is not a valid GitHub login" — the field first, for the sender. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "body"}: ${issue.message}`)
    .join("; ");
}
