const BASE_MS = 30_000;
const CAP_MS = 6 * 60 * 60_000;

/**
 * When to try again after the `attempts`-th failure: exponential from 30 s up to 6 h, with
 * ±20% jitter so that grants failing together do not retry together, and never before the
 * time GitHub asked for.
 */
export function nextRetryAt(
  attempts: number,
  now: Date,
  random: () => number,
  notBefore?: Date,
): Date {
  const exponential = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  const delay = exponential * (0.8 + 0.4 * random());
  const at = new Date(now.getTime() + delay);
  return notBefore && notBefore > at ? notBefore : at;
}
