/** Where to go after /callback, remembered across the trip to Logto (10 minutes, httpOnly). */
export const RETURN_TO_COOKIE = "repogrant_return_to";

/**
 * Only a path on this site may be returned to after sign-in: `//evil.test` and absolute URLs
 * would turn the sign-in into an open redirect.
 */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return null;
  }
  return value;
}
