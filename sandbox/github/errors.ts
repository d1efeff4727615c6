// Error bodies as github.com sends them. Where a body was recorded from real traffic it is
// reproduced exactly (see sandbox/README.md, "Faithfulness").

/** A response a handler stops with; the server turns it into the HTTP answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.message === "string" ? body.message : `HTTP ${status}`);
  }
}

export const GENERIC_DOCS = "https://docs.github.com/rest";

export function basicError(status: number, message: string, docs: string): ApiError {
  return new ApiError(status, { message, documentation_url: docs, status: String(status) });
}

export const notFound = (docs: string) => basicError(404, "Not Found", docs);

export const badCredentials = () => basicError(401, "Bad credentials", GENERIC_DOCS);

export const requiresAuthentication = (docs: string) =>
  basicError(401, "Requires authentication", docs);

export function notAccessibleByToken(kind: string, docs: string): ApiError {
  const by = kind === "installation" ? "integration" : "personal access token";
  return basicError(403, `Resource not accessible by ${by}`, docs);
}

export const problemsParsingJson = (docs: string) => basicError(400, "Problems parsing JSON", docs);

export function validationFailed(docs: string, errors: Array<Record<string, unknown>>): ApiError {
  return new ApiError(422, {
    message: "Validation Failed",
    errors,
    documentation_url: docs,
    status: "422",
  });
}

export const invalidRequest = (docs: string, detail: string) =>
  basicError(422, `Invalid request.\n\n${detail}`, docs);

/** Recorded from api.github.com, including its older documentation_url. */
export const ownerCannotBeCollaborator = () =>
  new ApiError(422, {
    status: "422",
    message: "Validation Failed",
    errors: [
      {
        resource: "Repository",
        code: "custom",
        message: "Repository owner cannot be a collaborator",
      },
    ],
    documentation_url: "https://docs.github.com/rest/reference/repos#add-a-repository-collaborator",
  });

/** Recorded before GitHub added documentation_url/status to every error; we add both. */
export const permissionOnUserRepo = (docs: string) =>
  validationFailed(docs, [
    {
      message: "You can only update permissions on organization-owned repositories and their forks",
      code: "custom",
      resource: "Repository",
    },
  ]);

/**
 * An unknown custom role name on an organization repository. Observed from api.github.com
 * (sigstore/community#401): `422 Role \`write-with-bypass\` is not available for the
 * sigstore/root-signing-staging repository.` with an empty `errors` list.
 */
export const roleNotAvailable = (docs: string, role: string, repository: string) =>
  basicError(422, `Role \`${role}\` is not available for the ${repository} repository.`, docs);

export function primaryRateLimited(status: number, userId: number | undefined, ip: string) {
  const who = userId === undefined ? ip : `user ID ${userId}`;
  return basicError(
    status,
    `API rate limit exceeded for ${who}.`,
    "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting",
  );
}

/** Recorded body (no `status` key); the request id inside is the response's own. */
export function secondaryRateLimited(status: number, requestId: string, retryAfter?: number) {
  return new ApiError(
    status,
    {
      message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
      documentation_url:
        "https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
    },
    retryAfter === undefined ? {} : { "retry-after": String(retryAfter) },
  );
}

export function serverError(status: number): ApiError {
  const message = status === 503 ? "Service Unavailable" : "Server Error";
  return new ApiError(status, { message });
}
