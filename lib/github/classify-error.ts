import "server-only";
import {
  GITHUB_ERROR_CODES,
  githubError,
  type GithubError,
  type GithubErrorCode,
  type GithubErrorCodeInfo,
  type GithubErrorWords,
} from "./error-codes";

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** What @octokit/request throws; read structurally so any thrown value can be classified. */
type RequestErrorLike = {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, unknown>; data?: unknown };
  /** Set by whoever threw it when they knew better than the status (see tagGithubError). */
  githubCode?: GithubErrorCode;
  githubWords?: GithubErrorWords;
};

export type ClassifyContext = {
  now: number;
  /** What a 404 means for this call (GitHub says only "Not Found"). */
  notFound?: GithubErrorCode;
  /** What a 403 that is not a rate limit means for this call. */
  forbidden?: GithubErrorCode;
  /** The names the merchant's words mention ({owner}, {org}, {team}, {role}). */
  words?: GithubErrorWords;
};

/**
 * Marks an error thrown inside Octokit (e.g. while minting an installation token) with the code
 * it stands for, which the status alone cannot tell.
 */
export function tagGithubError<E extends object>(
  error: E,
  code: GithubErrorCode,
  words: GithubErrorWords = {},
): E {
  return Object.assign(error, { githubCode: code, githubWords: words });
}

function header(error: RequestErrorLike, name: string): string | undefined {
  const value = error.response?.headers?.[name];
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

/** GitHub's message plus every `errors[].message`, where the specific reasons live. */
function githubText(error: RequestErrorLike): string | undefined {
  const data = error.response?.data;
  const parts: string[] = [];
  if (data && typeof data === "object") {
    const { message, errors } = data as { message?: unknown; errors?: unknown };
    if (typeof message === "string") parts.push(message);
    if (Array.isArray(errors)) {
      for (const item of errors as unknown[]) {
        const text = (item as { message?: unknown } | null)?.message;
        if (typeof text === "string") parts.push(text);
      }
    }
  } else if (typeof error.message === "string" && error.message !== "") {
    parts.push(error.message);
  }
  return parts.length > 0 ? parts.join("\n") : undefined;
}

function retryAfterMs(error: RequestErrorLike): number | undefined {
  const seconds = Number(header(error, "retry-after"));
  return header(error, "retry-after") !== undefined && Number.isFinite(seconds)
    ? seconds * 1000
    : undefined;
}

/**
 * Turns anything a GitHub call threw into a GithubError. Rate limits never make the caller
 * sleep: they come back as `retry` with the time GitHub named (retry-after, else the reset of an
 * exhausted budget, else a minute from now).
 */
export function classifyGithubError(error: unknown, context: ClassifyContext): GithubError {
  const e: RequestErrorLike = error !== null && typeof error === "object" ? error : {};
  const status = typeof e.status === "number" ? e.status : undefined;
  const requestId = header(e, "x-github-request-id");
  const githubMessage =
    githubText(e) ??
    (error instanceof Error ? error.message : typeof error === "string" ? error : "");
  // A network failure reaches us as a 500 without a response: there was no HTTP status.
  const httpStatus = e.response ? status : undefined;
  const details = { githubMessage, requestId, ...(httpStatus ? { status: httpStatus } : {}) };
  const words = { ...context.words, ...e.githubWords };

  if (e.githubCode) return githubError(e.githubCode, details, words);
  if (status === undefined) return githubError("unknown", details);

  if (status === 403 || status === 429) {
    const retryAfter = retryAfterMs(e);
    const exhausted = header(e, "x-ratelimit-remaining") === "0";
    const secondary = /\bsecondary rate\b/i.test(githubMessage) || (status === 429 && !exhausted);
    if (exhausted || secondary) {
      const reset = Number(header(e, "x-ratelimit-reset")) * 1000;
      const retryAt =
        retryAfter !== undefined
          ? context.now + retryAfter
          : exhausted && Number.isFinite(reset) && reset > 0
            ? reset
            : context.now + MINUTE_MS;
      const code = exhausted ? "rate_limited" : "secondary_rate_limited";
      return githubError(code, { ...details, retryAt: new Date(retryAt) });
    }
  }

  const table = Object.entries(GITHUB_ERROR_CODES) as Array<[GithubErrorCode, GithubErrorCodeInfo]>;
  const matched = table.find(
    ([, { when }]) =>
      when?.status.includes(status) && (!when.text || when.text.test(githubMessage)),
  )?.[0];

  if (status >= 500) {
    const retryAfter = retryAfterMs(e);
    const retryAt = retryAfter === undefined ? {} : { retryAt: new Date(context.now + retryAfter) };
    return githubError("github_unavailable", { ...details, ...retryAt });
  }

  if (status === 404) return githubError(context.notFound ?? "unknown", details, words);
  // A suspended installation is about the App, whatever the call was about.
  if (status === 403 && context.forbidden && matched !== "app_installation_suspended") {
    return githubError(context.forbidden, details, words);
  }
  if (matched === "invite_daily_limit") {
    return githubError(matched, { ...details, retryAt: new Date(context.now + DAY_MS) });
  }
  return githubError(matched ?? "unknown", details, words);
}
