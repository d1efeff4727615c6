import { signOut } from "@logto/next/server-actions";
import { cookies } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { NextResponse } from "next/server";
import { getLogtoConfig, sessionCookieName } from "@/lib/auth/logto-config";
import { isSameOriginPost } from "@/lib/auth/same-origin";
import { getConfig } from "@/lib/config";

export const dynamic = "force-dynamic";

// POST only, and only from our own pages: a cross-site form must not be able to sign people out.
export async function POST(request: Request) {
  const { appUrl } = getConfig();
  if (!isSameOriginPost(request.headers, appUrl)) {
    return NextResponse.json(
      { error: "Sign out from the store's own page: this request came from another site." },
      { status: 403 },
    );
  }
  const logto = getLogtoConfig();
  if (!logto) redirect("/");
  try {
    // Revokes the refresh token, then sends the browser to end Logto's session too.
    await signOut(logto, appUrl);
  } catch (error) {
    // The SDK leaves an emptied cookie behind; nothing of the session should stay.
    (await cookies()).delete(sessionCookieName(logto));
    unstable_rethrow(error);
    console.error(
      "Sign-out could not reach Logto:",
      error instanceof Error ? error.message : error,
    );
  }
  redirect("/");
}
