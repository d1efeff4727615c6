// Every way a GitHub call can fail, in one table: how the fulfillment engine should treat it and
// the words a merchant reads, with the fix.
//
// kind: "retry" — try the same call again later, by itself (at retryAt when known).
//       "action_required" — someone must change something first (the merchant's token or product,
//         the buyer's GitHub account); the same call can then succeed.
//       "permanent" — this exact request will never succeed; change what is being granted.

export type GithubErrorKind = "retry" | "action_required" | "permanent";

export type GithubErrorCodeInfo = {
  kind: GithubErrorKind;
  message: string;
  fix: string;
  /** Recognised by HTTP status and, optionally, GitHub's message (first match in table order). */
  when?: { status: readonly number[]; text?: RegExp };
};

export const GITHUB_ERROR_CODES = {
  repo_not_found: {
    kind: "action_required",
    message: "GitHub could not find the repository, or the token cannot see it.",
    fix: "Check the owner and repository name for typos, and give the token access to this repository.",
  },
  user_not_found: {
    kind: "action_required",
    message: "GitHub has no user with this login: the account was deleted or renamed.",
    fix: "Look the buyer up again by their GitHub user id to get the current login, or ask them to sign in with GitHub again.",
  },
  invitation_not_found: {
    kind: "permanent",
    message: "The invitation no longer exists: it was accepted, declined or deleted.",
    fix: "Check the buyer's access on the repository; send a new invitation if they still need one.",
  },
  token_lacks_administration: {
    kind: "action_required",
    when: {
      status: [403],
      text: /Resource not accessible by|Must have admin rights|Must have push access/i,
    },
    message: "The GitHub token is not allowed to manage collaborators on this repository.",
    fix: 'Give the token the "Administration: Read and write" repository permission, and make sure its owner is an admin of the repository.',
  },
  bad_credentials: {
    kind: "action_required",
    when: { status: [401] },
    message: "GitHub rejected the token: it is wrong, expired or revoked.",
    fix: "Create a new fine-grained token and set it as GITHUB_TOKEN.",
  },
  owner_cannot_be_collaborator: {
    kind: "permanent",
    when: { status: [422], text: /Repository owner cannot be a collaborator/i },
    message: "This GitHub account owns the repository, so it cannot be invited to it.",
    fix: "Nothing to grant: the owner already has full access.",
  },
  permission_not_allowed_on_user_repo: {
    kind: "permanent",
    when: { status: [422], text: /only update permissions on organization-owned repositories/i },
    message: "The repository belongs to a personal account, where GitHub only grants write access.",
    fix: 'Set the product\'s permission to "push" (write), or move the repository to an organization.',
  },
  permission_below_base_role: {
    kind: "permanent",
    when: { status: [422], text: /^Cannot assign\b/im },
    message:
      "The buyer is a member of the organization, whose base role is higher than the permission sold.",
    fix: "Choose a permission at least as high as the organization's base role, or lower the base role.",
  },
  // GitHub's wording is unrecorded; any 422 about invitations and a limit qualifies. It must never
  // be mistaken for "already invited": no invitation was created.
  invite_daily_limit: {
    kind: "retry",
    when: {
      status: [422],
      text: /invit[\s\S]*(limit|24.hour|per day)|(limit|24.hour|per day)[\s\S]*invit/i,
    },
    message: "GitHub's limit of invitations per repository per 24 hours is reached.",
    fix: "Nothing to do: the invitation is sent automatically once the 24-hour window frees a slot.",
  },
  rate_limited: {
    kind: "retry",
    message: "The token used up its hourly GitHub API allowance.",
    fix: "Nothing to do: the call is retried after GitHub resets the allowance.",
  },
  secondary_rate_limited: {
    kind: "retry",
    message: "GitHub asked us to slow down (secondary rate limit).",
    fix: "Nothing to do: the call is retried after the wait GitHub asked for.",
  },
  github_unavailable: {
    kind: "retry",
    message: "GitHub could not be reached or had an internal error.",
    fix: "Nothing to do: the call is retried shortly. Check https://www.githubstatus.com if it persists.",
  },
  validation_failed: {
    kind: "permanent",
    when: { status: [400, 422] },
    message: "GitHub refused the request as invalid.",
    fix: "Check the product's permission (a base role or a custom role that exists in the organization) and GitHub's message.",
  },
  unknown: {
    kind: "permanent",
    message: "GitHub answered in an unexpected way.",
    fix: "See GitHub's message and the request id in the event log; retry once the cause is fixed.",
  },
} as const satisfies Record<string, GithubErrorCodeInfo>;

export type GithubErrorCode = keyof typeof GITHUB_ERROR_CODES;

export type GithubError = {
  kind: GithubErrorKind;
  code: GithubErrorCode;
  /** The words a merchant reads. */
  message: string;
  fix: string;
  /** GitHub's own message, for the event log. */
  githubMessage?: string;
  retryAt?: Date;
  status?: number;
  requestId?: string;
};

export function githubError(
  code: GithubErrorCode,
  details: Omit<GithubError, "kind" | "code" | "message" | "fix"> = {},
): GithubError {
  const { kind, message, fix } = GITHUB_ERROR_CODES[code];
  return { kind, code, message, fix, ...details };
}
