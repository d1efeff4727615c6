import "server-only";
import { createHash } from "node:crypto";
import { retry } from "@octokit/plugin-retry";
import { throttling, type ThrottlingOptions } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import { pacedFetch, type SharedWriteTurns } from "./write-pacer";

const GithubOctokit = Octokit.plugin(retry, throttling);
export type GithubOctokit = InstanceType<typeof GithubOctokit>;

export type GithubClient = {
  readonly octokit: GithubOctokit;
  /** The clock rate-limit `retryAt`s are computed from. */
  readonly now: () => number;
};

export type GithubClientOptions = {
  token: string;
  /** Default https://api.github.com; GHES: https://HOST/api/v3. */
  baseUrl?: string;
  /** Minimum gap between writes per credential (default 1000 ms); 0 disables pacing. */
  writeIntervalMs?: number;
  /**
   * Where writes take their turn across processes (the server installs a PostgreSQL-backed one
   * when several instances may share the credential); without it pacing is per process.
   */
  writeTurns?: SharedWriteTurns;
  fetch?: typeof fetch;
  /** How often plugin-retry repeats a 5xx or network failure (default 3). */
  retries?: number;
  /** plugin-retry waits (n + 1)² × this before retry n (default 1000 ms; tests use 1). */
  retryDelayBaseMs?: number;
  /** Each HTTP attempt gives up after this long (default GITHUB_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
  now?: () => number;
};

// plugin-retry's defaults plus 429: a 429 is a rate limit, answered with a `retry` result
// carrying GitHub's wait, never by sleeping inside the request.
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

type ThrottleGroup = NonNullable<ThrottlingOptions["write"]>;

// The throttling plugin only calls `group.key(id).schedule(options, task, ...args)`. A group
// that runs the task at once switches off its built-in 1 s / 3 s write spacing, which is
// process-wide and not adjustable; write-pacer.ts does that job instead.
const unpacedGroup = {
  key: () => ({
    schedule: (_options: unknown, task: (...args: unknown[]) => unknown, ...args: unknown[]) =>
      task(...args),
  }),
} as unknown as ThrottleGroup;

const noop = () => undefined;

/**
 * Node's fetch would wait minutes for a GitHub that stopped answering — as long as a grant's
 * lease (5 min), after which another worker may take the grant while this call still runs.
 * With 4 attempts (3 retries) of 20 s and plugin-retry's waits, a call ends within ~95 s, well
 * inside the lease; a timeout is a network failure, retried later like any other.
 */
export const GITHUB_REQUEST_TIMEOUT_MS = 20_000;

function withTimeout(base: typeof fetch, timeoutMs: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return base(input, { ...init, signal });
  };
}

/** How an Octokit authenticates: a fixed token, or an Octokit auth strategy and its options. */
export type OctokitAuth =
  { token: string } | { authStrategy: (options: never) => unknown; auth?: Record<string, unknown> };

export type OctokitSetup = Omit<GithubClientOptions, "token" | "now" | "baseUrl"> & {
  baseUrl: string;
  /** Identifies the credential: write pacing and the throttling plugin are per credential. */
  credentialKey: string;
  auth: OctokitAuth;
};

export function normalizeBaseUrl(baseUrl: string | undefined): string {
  return (baseUrl ?? "https://api.github.com").replace(/\/+$/, "");
}

/** The Octokit every client uses: retries, no sleeping on rate limits, paced writes. */
export function buildOctokit(setup: OctokitSetup): GithubOctokit {
  // The timeout runs inside the pacer: waiting for our turn to write is not GitHub's slowness.
  const fetchImpl = pacedFetch(
    withTimeout(
      setup.fetch ?? globalThis.fetch,
      setup.requestTimeoutMs ?? GITHUB_REQUEST_TIMEOUT_MS,
    ),
    setup.credentialKey,
    setup.writeIntervalMs ?? 1000,
    setup.writeTurns,
  );
  const auth = "token" in setup.auth ? { auth: setup.auth.token } : setup.auth;
  return new GithubOctokit({
    ...auth,
    baseUrl: setup.baseUrl,
    userAgent: "repogrant",
    request: { fetch: fetchImpl },
    // Failures come back as results, which the caller logs; octokit would also print them.
    log: { debug: noop, info: noop, warn: console.warn, error: noop },
    retry: {
      doNotRetry: DO_NOT_RETRY,
      retries: setup.retries ?? 3,
      retryAfterBaseValue: setup.retryDelayBaseMs ?? 1000,
    },
    throttle: {
      id: setup.credentialKey,
      write: unpacedGroup,
      notifications: unpacedGroup,
      // Returning false makes the request fail at once; classifyGithubError turns the error
      // into a `retry` result with retryAt, so no caller ever sleeps on a rate limit.
      onRateLimit: () => false,
      onSecondaryRateLimit: () => false,
    },
  });
}

export function credentialKey(baseUrl: string, credential: string): string {
  return createHash("sha256").update(`${baseUrl}\n${credential}`).digest("hex");
}

export function createGithubClient(options: GithubClientOptions): GithubClient {
  const { token, now, ...rest } = options;
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  const octokit = buildOctokit({
    ...rest,
    baseUrl,
    credentialKey: credentialKey(baseUrl, token),
    auth: { token },
  });
  return { octokit, now: now ?? Date.now };
}
