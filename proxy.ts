import { NextResponse, type NextRequest } from "next/server";

const PRIVATE = /^\/(dashboard|purchases)(\/|$)/;

/**
 * Convenience only: an anonymous visitor to a private page is sent to sign in at once instead
 * of after a render, and a server action posted from another site is refused with a 403 in
 * words. It never grants anything — every page, action and route checks the session itself,
 * and Next checks an action's origin again — so a forged `x-middleware-subrequest` header
 * (which once let requests skip Next middleware) gains nothing here.
 */
export function proxy(request: NextRequest) {
  if (request.headers.has("next-action") && !postedFromThisHost(request)) {
    // Next would refuse it too, but as a 500 with a stack trace in the log for each attempt.
    return new NextResponse("This form was sent from another site, so nothing was changed.", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const { pathname, search } = request.nextUrl;
  if (!PRIVATE.test(pathname)) return NextResponse.next();
  const hasSession = request.cookies.getAll().some((cookie) => cookie.name.startsWith("logto_"));
  if (hasSession) return NextResponse.next();
  const target = new URL("/sign-in", request.nextUrl);
  // Buyers sign in with GitHub; the dashboard is for the merchant's staff (Logto's own page).
  if (pathname.startsWith("/purchases")) target.searchParams.set("with", "github");
  target.searchParams.set("returnTo", `${pathname}${search}`);
  return NextResponse.redirect(target);
}

/** Next's own rule for server actions: the Origin's host is the host the request was sent to. */
function postedFromThisHost(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export const config = {
  matcher: [
    "/dashboard",
    "/dashboard/:path*",
    "/purchases",
    "/purchases/:path*",
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};
