import "server-only";
import { classifyGithubError, type ClassifyContext } from "./classify-error";
import type { GithubClient } from "./client";
import { requestIdOf, type GithubCall, type GithubResult } from "./result";

type Page<T> = { status: number; headers: Record<string, unknown>; data: T[] };

/**
 * Walks Octokit's pages of `path` (100 items a page), recording each request, until `visit`
 * returns true (found what it looked for) or the pages end. A failing page is classified with
 * `context` and ends the walk.
 */
export async function readPages<T>(
  client: GithubClient,
  path: string,
  pages: AsyncIterable<Page<T>>,
  visit: (items: T[]) => boolean | void,
  context: Omit<ClassifyContext, "now">,
): Promise<GithubResult<null>> {
  const calls: GithubCall[] = [];
  let page = 1;
  const call = (status: number | undefined, requestId: string | undefined): GithubCall => ({
    method: "GET",
    path: `${path}?per_page=100&page=${page}`,
    status,
    requestId,
  });
  try {
    for await (const response of pages) {
      calls.push(call(response.status, requestIdOf(response)));
      page += 1;
      if (visit(response.data)) break;
    }
  } catch (thrown) {
    const error = classifyGithubError(thrown, { now: client.now(), ...context });
    calls.push(call(error.status, error.requestId));
    return { ok: false, error, calls };
  }
  return { ok: true, value: null, calls };
}
