// Every way a GitHub call can fail, in one table: how the fulfillment engine should treat it and
// the words a merchant reads, with the fix.
//
// kind: "retry" — try the same call again later, by itself (at retryAt when known).
//       "action_required" — someone must change something first (the merchant's token or product,
//         the buyer's GitHub account); the same call can then succeed.
//       "permanent" — this exact request will never succeed; change what is being granted.
//       "note" — not a failure: what checking a product's target found (verify/), in the same
//         words, so that every sentence a merchant reads about GitHub lives here.
//
// `{owner}`, `{org}`, `{team}` and `{role}` in a message or fix are filled in by githubError()
// when the caller knows them, else read as a general phrase ("the repository's owner").

export type GithubErrorKind = "retry" | "action_required" | "permanent";

export type GithubErrorCodeInfo = {
  kind: GithubErrorKind | "note";
  message: string;
  fix: string;
  /** Recognised by HTTP status and, optionally, GitHub's message (first match in table order). */
  when?: { status: readonly number[]; text?: RegExp };
};

/** What verify/ reports when a check passes, or could only partly be done. */
const VERIFICATION_NOTES = {
  app_installed: {
    kind: "note",
    message: "The GitHub App is installed on {owner} and may act on this target.",
    fix: "Nothing to do: requests about this target use that installation.",
  },
  repo_org_owned: {
    kind: "note",
    message: "The repository exists and belongs to the organization {owner}.",
    fix: "Nothing to do: buyers get exactly the permission sold.",
  },
  user_owned_repo_grants_write: {
    kind: "note",
    message:
      "The repository belongs to the personal account {owner}: GitHub gives every collaborator there write access (push), whatever permission is chosen.",
    fix: "Sell it knowing buyers can push to it, or move the repository to an organization to sell read access or another role.",
  },
  can_administer_repo: {
    kind: "note",
    message: "The credentials may manage this repository's collaborators and invitations.",
    fix: "Nothing to do: invitations can be sent.",
  },
  administration_write_unverified: {
    kind: "note",
    message:
      "The token's owner is an admin of the repository and the token may read its invitations (Administration: read), but GitHub offers no way to confirm Administration: write without sending an invitation.",
    fix: "Check in the token's settings (GitHub → Settings → Developer settings → Fine-grained tokens) that it has Administration: Read and write on this repository; otherwise the first sale fails with token_lacks_administration.",
  },
  team_accessible: {
    kind: "note",
    message: "The team {team} exists in {org} and the credentials can see it.",
    fix: "Nothing to do: buyers are added to this team.",
  },
  can_manage_team: {
    kind: "note",
    message:
      "The credentials may add and remove this team's members, and invite people who are not in {org} yet.",
    fix: "Nothing to do: team memberships can be granted.",
  },
  org_base_role_opens_repositories: {
    kind: "note",
    message:
      "Every member of {org} has the base role “{role}” on all of its repositories, private ones included. A buyer who is not in {org} yet joins it through this team, and so gets that role on every repository of {org}, not only the team's, for as long as they stay a member.",
    fix: "Set the base role to “No permission” (GitHub → {org} → Settings → Member privileges → Base permissions) so that only the team's repositories are sold; or sell knowing buyers get “{role}” on all of {org}'s repositories. A refund takes away the organization membership our invitation created.",
  },
  org_plan_bills_outside_collaborators: {
    kind: "note",
    message:
      "{org} is on GitHub's paid “{plan}” plan: each buyer joins this private repository as an outside collaborator and takes a paid seat of {org} once they accept (a pending invitation to a username takes none).",
    fix: "Price the product to cover a seat per buyer, or sell from an organization on the free plan, where outside collaborators are not billed.",
  },
  org_base_role_none: {
    kind: "note",
    message: "Members of {org} have no base role: buyers get only what the team gives them.",
    fix: "Nothing to do.",
  },
  org_base_role_unseen: {
    kind: "note",
    message:
      "GitHub shows the base role of {org} (what every member may do on all its repositories) to the organization's owners only, and these credentials could not see it.",
    fix: "Check GitHub → {org} → Settings → Member privileges → Base permissions: with any role but “No permission”, buyers who join {org} through this team get that role on all of its repositories.",
  },
  members_write_unverified: {
    kind: "note",
    message:
      "The token's owner is an owner of {org}, but GitHub offers no way to confirm the token's Members: write permission without changing a membership.",
    fix: 'Check in the token\'s settings that it has the organization permission "Members: Read and write" for {org}; otherwise the first sale fails with token_lacks_members_permission.',
  },
  custom_role_found: {
    kind: "note",
    message: "{org} has a custom repository role named {role}.",
    fix: "Nothing to do: buyers get this role.",
  },
  custom_role_unverified: {
    kind: "note",
    message:
      "{role} is not a base permission, and GitHub did not let us look up {org}'s custom repository roles (that list exists only on GitHub Enterprise and needs organization admin rights), so the role name could not be checked before selling.",
    fix: "Make sure a repository role named exactly {role} exists in the organization's settings (Repository roles); otherwise the first sale fails with custom_role_not_found.",
  },
} as const satisfies Record<string, GithubErrorCodeInfo>;

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
  app_not_installed: {
    kind: "action_required",
    message:
      "The GitHub App is not installed on {owner}, or its installation there has no access to this repository.",
    fix: "Install the GitHub App on {owner} (the App's page on GitHub → Install, or {owner}'s Settings → GitHub Apps → Configure) and give it access to this repository, or to all repositories.",
  },
  app_installation_suspended: {
    kind: "action_required",
    when: { status: [403], text: /installation has been suspended/i },
    message: "The GitHub App's installation on {owner} is suspended.",
    fix: "Ask an owner of {owner} to unsuspend the App under Settings → GitHub Apps → Configure.",
  },
  team_not_found: {
    kind: "action_required",
    message: "GitHub could not find the team {team} in {org}, or the credentials cannot see it.",
    fix: "Check the organization and the team's slug (the last part of the team's URL on GitHub), and give the credentials the Members organization permission.",
  },
  token_lacks_members_permission: {
    kind: "action_required",
    message: "The GitHub credentials are not allowed to manage the members of this team.",
    fix: 'Give the token or GitHub App the "Members: Read and write" organization permission, and make sure the token\'s owner is an owner of the organization: team maintainers cannot invite people who are not members yet.',
  },
  token_lacks_administration: {
    kind: "action_required",
    when: {
      status: [403],
      text: /Resource not accessible by|Must have admin rights|Must have push access/i,
    },
    message: "The GitHub credentials are not allowed to manage collaborators on this repository.",
    fix: "Give the token or GitHub App the \"Administration: Read and write\" repository permission, and make sure the token's owner is an admin of the repository. A GitHub App's new permissions apply once {owner} accepts them.",
  },
  app_credentials_rejected: {
    kind: "action_required",
    when: { status: [401], text: /JSON web token|claim \(/i },
    message:
      "GitHub rejected the GitHub App's credentials: GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY do not belong to the same App, or the key was deleted.",
    fix: "Copy the App ID from the App's settings page into GITHUB_APP_ID, generate a new private key there and set it (the whole PEM) as GITHUB_APP_PRIVATE_KEY.",
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
  // Observed wording (sigstore/community#401): "Role `x` is not available for the o/r repository."
  custom_role_not_found: {
    kind: "permanent",
    when: { status: [422], text: /Role `[^`]*` is not available/i },
    message:
      "The organization has no custom repository role with the name sold, or that role cannot be given on this repository.",
    fix: "Create the role in the organisation or choose a base permission (pull, triage, push, maintain or admin). Roles are made in the organization's Settings → Repository roles.",
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
  ...VERIFICATION_NOTES,
} as const satisfies Record<string, GithubErrorCodeInfo>;

type Table = typeof GITHUB_ERROR_CODES;

/** The failures: every code whose kind is not "note". */
export type GithubErrorCode = {
  [K in keyof Table]: Table[K]["kind"] extends "note" ? never : K;
}[keyof Table];

/** What a verification found that is not a failure. */
export type VerificationNoteCode = Exclude<keyof Table, GithubErrorCode>;

const PLACEHOLDER_FALLBACKS = {
  owner: "the repository's owner",
  org: "the organization",
  team: "the team",
  role: "the role",
  plan: "its",
} as const;

/** Values for the `{…}` placeholders of a code's words. */
export type GithubErrorWords = Partial<Record<keyof typeof PLACEHOLDER_FALLBACKS, string>>;

function fill(text: string, words: GithubErrorWords): string {
  return text.replace(/\{(owner|org|team|role|plan)\}/g, (_, name: keyof GithubErrorWords) => {
    return words[name] ?? PLACEHOLDER_FALLBACKS[name];
  });
}

/** A code's message and fix with its placeholders filled in. */
export function describeCode(
  code: keyof Table,
  words: GithubErrorWords = {},
): { message: string; fix: string } {
  const { message, fix } = GITHUB_ERROR_CODES[code];
  return { message: fill(message, words), fix: fill(fix, words) };
}

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
  words: GithubErrorWords = {},
): GithubError {
  const { kind } = GITHUB_ERROR_CODES[code];
  return { kind, code, ...describeCode(code, words), ...details };
}
