import { githubSignInPath } from "@/lib/auth/github-sign-in-path";
import "server-only";
import { redirect } from "next/navigation";
import { getSession } from "@/lib/auth/session";

/** The purchases pages are for a signed-in buyer; anyone else signs in and comes back here. */
export async function requireBuyerSession(returnTo: string) {
  const session = await getSession();
  if (!session) {
    redirect(githubSignInPath(returnTo));
  }
  return session;
}
