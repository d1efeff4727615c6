/**
 * True when a POST comes from a page of this site: the browser's Origin header names our
 * public origin, or (older browsers without Origin) Sec-Fetch-Site says same-origin.
 */
export function isSameOriginPost(headers: Headers, appUrl: string): boolean {
  const origin = headers.get("origin");
  if (origin) return origin === new URL(appUrl).origin;
  return headers.get("sec-fetch-site") === "same-origin";
}
