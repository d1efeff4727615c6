import { signIn } from "@logto/next/server-actions";
import { cookies } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import type { NextRequest } from "next/server";
import { getLogtoConfig, Prompt } from "@/lib/auth/logto-config";
import { RETURN_TO_COOKIE, safeReturnPath } from "@/lib/auth/return-to";
import { getSession } from "@/lib/auth/session";
import { signInProblemPath } from "@/lib/auth/sign-in-problem";

export const dynamic = "force-dynamic";

// GET /sign-in: Logto's page (merchants). GET /sign-in?with=github: straight to the GitHub
// connector (buyers). ?returnTo=/path comes back there after the callback.
export async function GET(request: NextRequest) {
  // Only a page load starts a sign-in: it writes the sign-in cookies. A page's own background
  // fetch (a link prefetch or refresh, redirected here by the proxy once the session is gone)
  // gets an empty answer instead; Next's router then loads /sign-in as a page if it was
  // navigating. Without this, a prefetch still in flight during sign-out left a fresh
  // `logto_` cookie behind it (the sign-in journey caught one in CI).
  const destination = request.headers.get("sec-fetch-dest");
  if (destination !== null && destination !== "document")
    return new Response(null, { status: 204 });

  const logto = getLogtoConfig();
  if (!logto) redirect(signInProblemPath("not_configured"));

  const params = request.nextUrl.searchParams;
  const returnTo = safeReturnPath(params.get("returnTo"));
  const store = await cookies();
  if (returnTo) {
    store.set(RETURN_TO_COOKIE, returnTo, {
      httpOnly: true,
      sameSite: "lax",
      secure: logto.cookieSecure,
      maxAge: 600,
    });
  } else {
    store.delete(RETURN_TO_COOKIE);
  }

  const github = params.get("with") === "github";
  // Logto skips its login prompt when its own session exists, so someone signed in without
  // GitHub (a merchant by email) would never see GitHub. Keep consent: without it Logto drops
  // offline_access and the session could not be refreshed.
  // ?switch=1 ("not you? Switch account") asks for the account choice whatever the session.
  const current = github ? await getSession() : null;
  const forceLogin = params.get("switch") === "1" || (current !== null && current.github === null);
  try {
    await signIn(logto, {
      redirectUri: `${logto.baseUrl}/callback`,
      ...(github ? { directSignIn: { method: "social", target: "github" } } : {}),
      ...(forceLogin ? { prompt: [Prompt.Login, Prompt.Consent] } : {}),
    });
  } catch (error) {
    unstable_rethrow(error);
    console.error("Sign-in could not start:", error instanceof Error ? error.message : error);
  }
  redirect(signInProblemPath("unreachable"));
}
