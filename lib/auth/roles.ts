export type Role = "merchant" | "buyer";

/** The Logto role that makes someone the merchant's staff, as an alternative to MERCHANT_USERS. */
export const MERCHANT_ROLE = "merchant";

export interface RoleFacts {
  logtoUserId: string;
  /** Verified only: an unverified email proves nothing about who is signing in. */
  verifiedEmail: string | null;
  githubLogin: string | null;
  roles: readonly string[];
}

/**
 * Merchant when the Logto role says so, or when MERCHANT_USERS lists the person. An entry with
 * an @ is an email; `logto:<id>` and `github:<login>` say exactly which kind an entry is; a
 * bare entry matches a Logto user id or a GitHub login.
 */
export function resolveRole(person: RoleFacts, merchantUsers: readonly string[]): Role {
  if (person.roles.includes(MERCHANT_ROLE)) return "merchant";
  return merchantUsers.some((entry) => matches(entry, person)) ? "merchant" : "buyer";
}

function matches(entry: string, person: RoleFacts): boolean {
  const sameText = (a: string | null, b: string) =>
    a !== null && a.toLowerCase() === b.toLowerCase();
  if (entry.startsWith("logto:")) return person.logtoUserId === entry.slice("logto:".length);
  if (entry.startsWith("github:"))
    return sameText(person.githubLogin, entry.slice("github:".length));
  if (entry.includes("@")) return sameText(person.verifiedEmail, entry);
  return person.logtoUserId === entry || sameText(person.githubLogin, entry);
}
