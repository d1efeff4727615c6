import "server-only";
import type { GithubClient } from "./client";
import { attempt, type GithubResult } from "./result";

export type RateLimit = { limit: number; remaining: number; resetAt: Date };

const numberHeader = (headers: Record<string, unknown>, name: string) => {
  const value = Number(headers[name]);
  return Number.isFinite(value) ? value : undefined;
};

/**
 * The credential's remaining hourly request budget, from the `x-ratelimit-*` headers GitHub puts
 * on every answer. Read off one cheap GET of a repository we sell (GET /rate_limit is not
 * available on every GitHub Enterprise Server and not in the sandbox).
 */
export async function readRateLimit(
  client: GithubClient,
  repo: { owner: string; repo: string },
): Promise<GithubResult<RateLimit | null>> {
  const calls: GithubResult<null>["calls"] = [];
  const sent = await attempt(
    client,
    calls,
    `GET /repos/${repo.owner}/${repo.repo}`,
    () => client.octokit.rest.repos.get(repo),
    { notFound: "repo_not_found" },
  );
  if (!sent.ok) return { ok: false, error: sent.error, calls };
  const headers = sent.response.headers as Record<string, unknown>;
  const limit = numberHeader(headers, "x-ratelimit-limit");
  const remaining = numberHeader(headers, "x-ratelimit-remaining");
  const reset = numberHeader(headers, "x-ratelimit-reset");
  const value =
    limit === undefined || remaining === undefined || reset === undefined
      ? null
      : { limit, remaining, resetAt: new Date(reset * 1000) };
  return { ok: true, value, calls };
}
