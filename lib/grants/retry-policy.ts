import type { GithubError } from "../github";

const BASE_MS = 30_000;
const CAP_MS = 6 * 60 * 60_000;
const HOUR_MS = 60 * 60_000;

/**
 * When to try again after the `attempts`-th failure: exponential from 30 s up to 6 h, with
 * ±20% jitter so that grants failing together do not retry together, and never before the
 * time GitHub asked for.
 */
function nextRetryAt(attempts: number, now: Date, random: () => number, notBefore?: Date): Date {
  const exponential = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  const delay = exponential * (0.8 + 0.4 * random());
  const at = new Date(now.getTime() + delay);
  return notBefore && notBefore > at ? notBefore : at;
}

export interface RetryPolicy {
  /** An operation still failing this long after it was asked for is given up. */
  retryMaxHours: number;
  random: () => number;
}

export type FailureDecision =
  | { retryAt: Date }
  | {
      giveUp: true;
      /** set when retries ran out, rather than the error being permanent */ afterHours?: number;
    };

/**
 * The one retry policy for every GitHub operation on a grant (invite, team, revoke): a
 * retryable error waits (backoff by the attempts counted at each claim, or GitHub's own time)
 * while the retry window that opened at `since` lasts; a permanent one, or the window's end,
 * gives up.
 */
export function decideAfterFailure(
  error: GithubError,
  context: { attempts: number; since: Date; now: Date },
  policy: RetryPolicy,
): FailureDecision {
  if (error.kind !== "retry") return { giveUp: true };
  const retryAt = nextRetryAt(context.attempts, context.now, policy.random, error.retryAt);
  const deadline = context.since.getTime() + policy.retryMaxHours * HOUR_MS;
  if (retryAt.getTime() <= deadline) return { retryAt };
  return { giveUp: true, afterHours: policy.retryMaxHours };
}
