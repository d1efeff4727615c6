import { DEFAULTS } from "../env-schema";
import type { LeaseClock, RetryPolicy } from "../grants";

export interface FulfillmentSettings extends RetryPolicy {
  /** The engine's only source of time: queries take it as a parameter, never SQL now(). */
  clock: () => Date;
  /** Invitations per repository per rolling 24 h (GitHub allows 50). */
  dailyInviteLimit: number;
  /** Organization invitations (team grants for non-members) per organization per rolling 24 h. */
  orgInviteDailyLimit: number;
  /** A grant still failing this long after it was queued is marked failed. */
  retryMaxHours: number;
  /** How long a claimed grant stays ours before another worker may take it over. */
  leaseMs: number;
  /** Leases run on the database's clock in production (see lib/grants/lease.ts). */
  leaseClock: LeaseClock;
  batchSize: number;
  random: () => number;
}

export function fulfillmentSettings(
  overrides: Partial<FulfillmentSettings> = {},
): FulfillmentSettings {
  return {
    clock: () => new Date(),
    dailyInviteLimit: DEFAULTS.inviteDailyLimit,
    orgInviteDailyLimit: DEFAULTS.orgInviteDailyLimit,
    retryMaxHours: DEFAULTS.inviteRetryMaxHours,
    leaseMs: DEFAULTS.leaseSeconds * 1000,
    leaseClock: "database",
    batchSize: 10,
    random: Math.random,
    ...overrides,
  };
}
