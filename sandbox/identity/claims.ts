import type { AccountClaims } from "oidc-provider";
import type { SandboxAccount } from "./accounts";
import { githubIdentity } from "./github-identity";

// Logto's scope → claim map (core-kit `userClaims`) for the scopes Repogrant asks for. The
// userinfo endpoint returns every claim of a granted scope; the ID token leaves out the
// "extended" claims a tenant has not enabled, and a new tenant enables only `roles` and
// `organizations`, so `identities` never reaches the ID token (it would also push the SDK's
// session cookie past 4 KB).
export const SCOPE_CLAIMS = {
  openid: ["sub"],
  profile: [
    "name",
    "family_name",
    "given_name",
    "middle_name",
    "nickname",
    "preferred_username",
    "profile",
    "picture",
    "website",
    "gender",
    "birthdate",
    "zoneinfo",
    "locale",
    "updated_at",
    "username",
    "created_at",
  ],
  email: ["email", "email_verified"],
  identities: ["identities", "sso_identities"],
  roles: ["roles"],
} as const;

const NOT_IN_ID_TOKEN = new Set<string>(["identities", "sso_identities"]);

/** Where the provider serves the picture of an account that has one. */
export type AvatarUrl = (account: SandboxAccount) => string;

/** Claim values as Logto's `getUserClaimsData` produces them; profile extras stay undefined. */
function claimValue(account: SandboxAccount, claim: string, avatarUrl: AvatarUrl): unknown {
  const avatar = account.github ? avatarUrl(account) : null;
  switch (claim) {
    case "name":
      return account.name;
    case "picture":
      return avatar;
    case "username":
      return account.username;
    case "created_at":
    case "updated_at":
      return account.createdAt;
    case "email":
      return account.primaryEmail;
    case "email_verified":
      return Boolean(account.primaryEmail);
    case "identities":
      return account.github && avatar ? { github: githubIdentity(account.github, avatar) } : {};
    case "sso_identities":
      return [];
    case "roles":
      return account.roles;
    default:
      return undefined;
  }
}

/** The claims of `account` for the granted `scope`, for the ID token or the userinfo answer. */
export function accountClaims(
  account: SandboxAccount,
  options: { use: string; scope: string; rejected: readonly string[]; avatarUrl: AvatarUrl },
): AccountClaims {
  const claims: AccountClaims = { sub: account.id };
  for (const scope of options.scope.split(" ")) {
    const names: readonly string[] = SCOPE_CLAIMS[scope as keyof typeof SCOPE_CLAIMS] ?? [];
    for (const claim of names) {
      if (claim === "sub" || options.rejected.includes(claim)) continue;
      if (options.use === "id_token" && NOT_IN_ID_TOKEN.has(claim)) continue;
      const value = claimValue(account, claim, options.avatarUrl);
      if (value !== undefined) claims[claim] = value;
    }
  }
  return claims;
}
