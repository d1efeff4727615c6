import type { Account, Permission } from "./steps";

/**
 * What the shop should grant, kept apart from the engine: the orders and their state, and the
 * accounts whose access someone ended on GitHub (declined, removed by the merchant, or let the
 * automatic resend expire too), which the engine must not force back on them until they buy again.
 */
export interface AccessModel {
  orders: Array<{ account: Account; permission: Permission; refunded: boolean }>;
  /** Why an account holding a paid order may lack access, until it pays for a new order. */
  endedOnGithub: Map<Account, string>;
  /** Invitations of the account that expired unaccepted, since its last new order. */
  expiries: Map<Account, number>;
}

export const emptyModel = (): AccessModel => ({
  orders: [],
  endedOnGithub: new Map(),
  expiries: new Map(),
});

const RANK: Record<Permission, number> = { pull: 1, push: 2 };

/** The strongest permission the account's paid, unrefunded orders pay for, or null. */
export function owedPermission(model: AccessModel, account: Account): Permission | null {
  let best: Permission | null = null;
  for (const order of model.orders) {
    if (order.account !== account || order.refunded) continue;
    if (!best || RANK[order.permission] > RANK[best]) best = order.permission;
  }
  return best;
}

export const permissionRank = (permission: string) => RANK[permission as Permission] ?? 99;
