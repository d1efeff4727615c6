import { NextResponse, type NextRequest } from "next/server";

/**
 * Convenience only: an anonymous visitor to a private page is sent to sign in at once instead
 * of after a render. It never grants anything — every page, action and route checks the
 * session itself — so a forged `x-middleware-subrequest` header (which once let requests skip
 * Next middleware) gains nothing here.
 */
export function proxy(request: NextRequest) {
  const hasSession = request.cookies.getAll().some((cookie) => cookie.name.startsWith("logto_"));
  if (hasSession) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  const target = new URL("/sign-in", request.nextUrl);
  // Buyers sign in with GitHub; the dashboard is for the merchant's staff (Logto's own page).
  if (pathname.startsWith("/purchases")) target.searchParams.set("with", "github");
  target.searchParams.set("returnTo", `${pathname}${search}`);
  return NextResponse.redirect(target);
}

export const config = {
  matcher: ["/dashboard", "/dashboard/:path*", "/purchases", "/purchases/:path*"],
};
