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
  const current = github ? await getSession() : null;
  const forceLogin = current !== null && current.github === null;
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
