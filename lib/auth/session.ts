import "server-only";
import { eq } from "drizzle-orm";
import { getLogtoContext } from "@logto/next/server-actions";
import { cache } from "react";
import { getConfig } from "../config";
import { getDb } from "../db";
import { buyers } from "../db/schema";
import { getLogtoConfig } from "./logto-config";
import { readPerson, type GithubAccount } from "./read-person";
import { resolveRole, type Role } from "./roles";

export interface Session {
  logtoUserId: string;
  name: string | null;
  avatarUrl: string | null;
  verifiedEmail: string | null;
  /** The GitHub account recorded at sign-in (userinfo is read once, in /callback). */
  github: GithubAccount | null;
  role: Role;
  /** The buyer row recorded at sign-in; null only if it has gone since (sign in again). */
  buyerId: string | null;
}

/**
 * Who is calling, from the encrypted session cookie's ID token claims plus the buyer row the
 * callback recorded: no call to Logto per request. Null when nobody is signed in, Logto is
 * not configured, or the cookie cannot be read (a rotated cookie secret, say).
 */
export const getSession = cache(async (): Promise<Session | null> => {
  const logto = getLogtoConfig();
  if (!logto) return null;
  let claims: unknown;
  try {
    const context = await getLogtoContext(logto);
    if (!context.isAuthenticated) return null;
    claims = context.claims;
  } catch {
    return null;
  }
  const person = readPerson(claims);
  if (!person) return null;

  const db = await getDb();
  const [buyer] = await db
    .select({ id: buyers.id, githubUserId: buyers.githubUserId, githubLogin: buyers.githubLogin })
    .from(buyers)
    .where(eq(buyers.logtoUserId, person.logtoUserId));
  const github =
    buyer?.githubUserId != null ? { userId: buyer.githubUserId, login: buyer.githubLogin } : null;
  return {
    logtoUserId: person.logtoUserId,
    name: person.name,
    avatarUrl: person.avatarUrl,
    verifiedEmail: person.verifiedEmail,
    github,
    role: resolveRole({ ...person, githubLogin: github?.login ?? null }, getConfig().merchantUsers),
    buyerId: buyer?.id ?? null,
  };
});
