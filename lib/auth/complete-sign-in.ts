import "server-only";
import type { LogtoNextConfig } from "@logto/next";
import { getLogtoContext, handleSignIn } from "@logto/next/server-actions";
import { cookies } from "next/headers";
import type { Database } from "../db/types";
import { readPerson, type LogtoPerson } from "./read-person";
import { recordSignIn, type SignInRecord } from "./record-sign-in";
import { sessionCookieName } from "./logto-config";
import type { SignInProblem } from "./sign-in-problem";

export type SignInOutcome =
  { ok: true; person: LogtoPerson; record: SignInRecord } | { ok: false; problem: SignInProblem };

/**
 * The /callback work: trade the code for tokens, read userinfo once (the GitHub identity is
 * only there, never in the ID token), and record the buyer. Any failure clears the session
 * cookie, so nobody is left half signed in.
 */
export async function completeSignIn(
  logto: LogtoNextConfig,
  callbackParams: URLSearchParams,
  db: Database,
  now: Date,
): Promise<SignInOutcome> {
  const fail = async (problem: SignInProblem, error: unknown): Promise<SignInOutcome> => {
    console.error(`Sign-in failed (${problem}):`, error instanceof Error ? error.message : error);
    (await cookies()).delete(sessionCookieName(logto));
    return { ok: false, problem };
  };

  try {
    await handleSignIn(logto, callbackParams);
  } catch (error) {
    return fail(isNetworkError(error) ? "unreachable" : "not_completed", error);
  }
  let person: LogtoPerson | null;
  try {
    const context = await getLogtoContext(logto, { fetchUserInfo: true });
    person = readPerson(context.userInfo);
  } catch (error) {
    return fail("unreachable", error);
  }
  if (!person) return fail("not_completed", new Error("userinfo has no subject"));
  try {
    return { ok: true, person, record: await recordSignIn(db, person, now) };
  } catch (error) {
    return fail("not_recorded", error);
  }
}

// fetch() reports a refused or dropped connection as a TypeError ("fetch failed").
function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError;
}
