import "server-only";
import type { GithubClient } from "./client";
import { attempt, type GithubCall, type GithubResult } from "./result";

export type GithubAccount = { id: number; login: string };

/**
 * GET /user/{id}: the current login of a GitHub user id. Logins change when people rename
 * their account; the id never does, so store the id and resolve the login when GitHub says 404.
 */
export async function getUserLogin(
  client: GithubClient,
  userId: number,
): Promise<GithubResult<GithubAccount>> {
  const calls: GithubCall[] = [];
  const sent = await attempt(
    client,
    calls,
    `GET /user/${userId}`,
    () => client.octokit.request("GET /user/{account_id}", { account_id: userId }),
    { notFound: "user_not_found" },
  );
  if (!sent.ok) return { ok: false, error: sent.error, calls };
  const { id, login } = sent.response.data;
  return { ok: true, value: { id: Number(id), login }, calls };
}

/** GET /user: who the token belongs to; a quick check that the credentials work. */
export async function getTokenOwner(client: GithubClient): Promise<GithubResult<GithubAccount>> {
  const calls: GithubCall[] = [];
  const sent = await attempt(client, calls, "GET /user", () =>
    client.octokit.rest.users.getAuthenticated(),
  );
  if (!sent.ok) return { ok: false, error: sent.error, calls };
  const { id, login } = sent.response.data;
  return { ok: true, value: { id, login }, calls };
}

/** GET /users/{username}: the account's id, which, unlike its login, never changes. */
export async function getUserByLogin(
  client: GithubClient,
  username: string,
): Promise<GithubResult<GithubAccount>> {
  const calls: GithubCall[] = [];
  const sent = await attempt(
    client,
    calls,
    `GET /users/${username}`,
    () => client.octokit.rest.users.getByUsername({ username }),
    { notFound: "user_not_found" },
  );
  if (!sent.ok) return { ok: false, error: sent.error, calls };
  const { id, login } = sent.response.data;
  return { ok: true, value: { id, login }, calls };
}
