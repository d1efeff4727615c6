import type { Account, Permission } from "./steps";

/**
 * What the shop should grant, kept apart from the engine: the orders and their state. An order
 * whose access someone ended on GitHub (the buyer declined its invitation, the merchant removed
 * the collaborator, or the automatic resend expired too) still pays, but the engine need not
 * force that access back on the buyer: it rests until someone asks. A later order starts afresh.
 */
export interface AccessModel {
  orders: Array<{
    account: Account;
    permission: Permission;
    refunded: boolean;
    /** Why its access ended on GitHub, if it did. */
    ended?: string;
  }>;
  /** Invitations of the account that expired unaccepted, since its last new order. */
  expiries: Map<Account, number>;
}

export const emptyModel = (): AccessModel => ({ orders: [], expiries: new Map() });

const RANK: Record<Permission, number> = { pull: 1, push: 2 };

export const permissionRank = (permission: string) => RANK[permission as Permission] ?? 99;

function strongest(permissions: Permission[]): Permission | null {
  return permissions.reduce<Permission | null>(
    (best, p) => (!best || RANK[p] > RANK[best] ? p : best),
    null,
  );
}

/**
 * The role an account may hold, as a range: at least the strongest its paid, unrefunded orders
 * still owe (`least`, null when none does), at most the strongest any of them pays for (`most`).
 */
export function paidRange(model: AccessModel, account: Account) {
  const paid = model.orders.filter((o) => o.account === account && !o.refunded);
  return {
    least: strongest(paid.filter((o) => !o.ended).map((o) => o.permission)),
    most: strongest(paid.map((o) => o.permission)),
  };
}

/** Someone ended the account's access on GitHub: every order it has so far rests. */
export function endOnGithub(model: AccessModel, account: Account, reason: string) {
  for (const order of model.orders) {
    if (order.account === account) order.ended ??= reason;
  }
}
