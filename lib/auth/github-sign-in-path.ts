/**
 * The link that signs a buyer in straight through GitHub and brings them back to `returnTo`.
 * `switchAccount` asks the identity provider for its account choice even when a session exists.
 */
export function githubSignInPath(returnTo: string, options: { switchAccount?: boolean } = {}) {
  const params = new URLSearchParams({ with: "github", returnTo });
  if (options.switchAccount) params.set("switch", "1");
  return `/sign-in?${params.toString()}`;
}
