import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { after, type NextRequest } from "next/server";
import { completeSignIn } from "@/lib/auth/complete-sign-in";
import { getLogtoConfig } from "@/lib/auth/logto-config";
import { RETURN_TO_COOKIE, safeReturnPath } from "@/lib/auth/return-to";
import { resolveRole } from "@/lib/auth/roles";
import { signInProblemPath } from "@/lib/auth/sign-in-problem";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { wakeFulfillment } from "@/lib/fulfillment/worker";

export const dynamic = "force-dynamic";

// Logto sends the browser back here (the redirect URI registered in Logto: APP_URL/callback).
export async function GET(request: NextRequest) {
  const logto = getLogtoConfig();
  if (!logto) redirect(signInProblemPath("not_configured"));

  const outcome = await completeSignIn(
    logto,
    request.nextUrl.searchParams,
    await getDb(),
    new Date(),
  );
  const store = await cookies();
  const returnTo = safeReturnPath(store.get(RETURN_TO_COOKIE)?.value);
  store.delete(RETURN_TO_COOKIE);
  if (!outcome.ok) redirect(signInProblemPath(outcome.problem));

  // Orders that waited for this GitHub account are due now: send their invitations.
  if (outcome.record.queuedGrants > 0) after(() => wakeFulfillment());
  const { person } = outcome;
  const role = resolveRole(
    { ...person, githubLogin: person.github?.login ?? null },
    getConfig().merchantUsers,
  );
  redirect(returnTo ?? (role === "merchant" ? "/dashboard" : "/purchases"));
}
