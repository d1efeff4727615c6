import "server-only";
import { forbidden, redirect } from "next/navigation";
import { NOT_SIGNED_IN } from "./guard";
import { getSession, type Session } from "./session";

/**
 * For a dashboard page: the merchant's session, or a redirect to sign in (anonymous) or the
 * 403 page (signed in, not staff). Each page calls it itself; the layout is not a boundary.
 */
export async function requireMerchant(): Promise<Session> {
  const session = await getSession();
  if (!session) redirect("/sign-in?returnTo=/dashboard");
  if (session.role !== "merchant") forbidden();
  return session;
}

/** The refusal a route handler answers with, or null when a merchant is calling. */
export function merchantRefusal(session: Session | null): Response | null {
  if (!session) return Response.json({ error: NOT_SIGNED_IN }, { status: 401 });
  if (session.role !== "merchant") {
    return Response.json(
      { error: "Only the store's staff can do this. Sign in with a merchant account." },
      { status: 403 },
    );
  }
  return null;
}

/** For a dashboard route handler (the CSV export): null when the caller is a merchant. */
export async function refuseUnlessMerchant(): Promise<Response | null> {
  return merchantRefusal(await getSession());
}
