import "server-only";

/** A GitHub setting is missing or malformed; the message names the variable to fix. */
export class GithubConfigError extends Error {
  override name = "GithubConfigError";
}
