import { primaryRateLimited, secondaryRateLimited, type ApiError } from "./errors";

const HOUR_MS = 60 * 60 * 1000;

export type LimitStatus = 403 | 429;

type Bucket = { used: number; resetAt: number };

type Forced = { token?: string; status: LimitStatus; until: number };

type Secondary = { status: LimitStatus; retryAfterSeconds?: number; until: number; route?: string };

export type RateLimitCheck = { headers: Record<string, string>; error?: ApiError };

/**
 * GitHub's primary limit (an hourly request budget per token, `x-ratelimit-*` on every answer)
 * and the injectable limits the tests use: an exhausted budget and a secondary limit.
 */
export class RateLimits {
  limit = 5000;
  private buckets = new Map<string, Bucket>();
  private forced: Forced | null = null;
  private secondary: Secondary | null = null;

  exhaust(options: { token?: string; status: LimitStatus; until: number }): void {
    this.forced = options;
  }

  triggerSecondary(options: Secondary): void {
    this.secondary = options;
  }

  clear(): void {
    this.forced = null;
    this.secondary = null;
  }

  /** Counts one request against the caller's bucket and says whether it may proceed. */
  check(input: {
    token?: string;
    userId?: number;
    ip: string;
    route: string;
    requestId: string;
    now: number;
  }): RateLimitCheck {
    const { now } = input;
    const key = input.token ?? `ip:${input.ip}`;
    const limit = input.token ? this.limit : 60;
    let bucket = this.buckets.get(key);
    if (!bucket || now >= bucket.resetAt) {
      bucket = { used: 0, resetAt: now + HOUR_MS };
      this.buckets.set(key, bucket);
    }
    const forced = this.forced;
    const isForced =
      forced !== null && now < forced.until && (!forced.token || forced.token === input.token);
    const exhausted = isForced || bucket.used >= limit;
    if (!exhausted) bucket.used += 1;
    const resetAt = isForced ? forced.until : bucket.resetAt;
    const used = exhausted ? limit : bucket.used;
    const headers = {
      "x-ratelimit-limit": String(limit),
      "x-ratelimit-remaining": String(limit - used),
      "x-ratelimit-reset": String(Math.ceil(resetAt / 1000)),
      "x-ratelimit-used": String(used),
      "x-ratelimit-resource": "core",
    };
    if (exhausted) {
      const status = isForced ? forced.status : 403;
      return { headers, error: primaryRateLimited(status, input.userId, input.ip) };
    }
    const secondary = this.secondary;
    if (
      secondary &&
      now < secondary.until &&
      (!secondary.route || secondary.route === input.route)
    ) {
      const error = secondaryRateLimited(
        secondary.status,
        input.requestId,
        secondary.retryAfterSeconds,
      );
      return { headers, error };
    }
    return { headers };
  }
}
