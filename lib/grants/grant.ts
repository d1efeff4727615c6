import type { SQL } from "drizzle-orm";
import type { grants } from "../db/schema";

export type { GrantStatus } from "../db/schema";

/** A grant row: what one paid entitlement gives one GitHub account, and where it stands. */
export type Grant = typeof grants.$inferSelect;

/** The columns a status change may set alongside the status (a value, or SQL such as `x + 1`). */
export type GrantChanges = {
  [K in Exclude<keyof Grant, "id" | "orderId" | "entitlementId" | "createdAt">]?: Grant[K] | SQL;
};

/** Who a grant is for: the buyer and the GitHub account, as far as we know it. */
export interface GrantRecipient {
  id: string;
  githubLogin: string | null;
  githubUserId: number | null;
}
