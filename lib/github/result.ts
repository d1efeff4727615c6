import "server-only";
import { classifyGithubError, type ClassifyContext } from "./classify-error";
import type { GithubClient } from "./client";
import type { GithubError } from "./error-codes";

/** One HTTP exchange with GitHub, for the caller's audit log. */
export type GithubCall = {
  method: string;
  path: string;
  status?: number;
  requestId?: string;
};

/**
 * Every operation answers with a value, never by throwing for something GitHub said. `calls`
 * lists each request it made (a 404 probe or a second page counts), in order.
 */
export type GithubResult<T> =
  | { ok: true; value: T; calls: GithubCall[] }
  | { ok: false; error: GithubError; calls: GithubCall[] };

type ResponseLike = { status: number; headers: Record<string, unknown> };

export type Attempt<R> = { ok: true; response: R } | { ok: false; error: GithubError };

export function requestIdOf(response: ResponseLike): string | undefined {
  const id = response.headers["x-github-request-id"];
  return typeof id === "string" ? id : undefined;
}

/**
 * Runs one Octokit request, records it in `calls`, and classifies a failure. `label` is
 * "METHOD /path" as sent (after plugin-retry's retries, only the last answer is seen).
 */
export async function attempt<R extends ResponseLike>(
  client: GithubClient,
  calls: GithubCall[],
  label: string,
  send: () => Promise<R>,
  context: Omit<ClassifyContext, "now"> = {},
): Promise<Attempt<R>> {
  const [method = "GET", path = ""] = label.split(" ", 2);
  try {
    const response = await send();
    calls.push({ method, path, status: response.status, requestId: requestIdOf(response) });
    return { ok: true, response };
  } catch (thrown) {
    const error = classifyGithubError(thrown, { ...context, now: client.now() });
    calls.push({ method, path, status: error.status, requestId: error.requestId });
    return { ok: false, error };
  }
}
