import { z } from "zod";

/** A GitHub account as Logto's GitHub connector recorded it. */
export interface GithubAccount {
  /** GitHub's numeric user id: it never changes, so it is what identifies the buyer. */
  userId: number;
  /** The login at the time Logto recorded it; null in records older than the connector's rawData. */
  login: string | null;
}

/** What we know about whoever signed in, read from Logto's userinfo (or ID token) claims. */
export interface LogtoPerson {
  logtoUserId: string;
  name: string | null;
  avatarUrl: string | null;
  /** Only an email Logto verified; an unverified one proves nothing and is dropped here. */
  verifiedEmail: string | null;
  github: GithubAccount | null;
  /** Logto role names (the `roles` claim). */
  roles: string[];
}

const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

const text = z.string().trim().min(1).nullish().catch(null);

// Every field is optional and falls back instead of failing: Logto's claim shapes vary by
// version and tenant settings, and a missing picture must not stop anyone from signing in.
const claimsSchema = z.object({
  sub: z.string().min(1),
  name: text,
  username: text,
  picture: z.url().nullish().catch(null),
  email: z.string().trim().nullish().catch(null),
  email_verified: z.boolean().nullish().catch(null),
  roles: z.array(z.string()).nullish().catch(null),
  identities: z.record(z.string(), z.unknown()).nullish().catch(null),
});

const loginSchema = z.string().regex(GITHUB_LOGIN);

/**
 * Reads the person from Logto's claims. The GitHub identity is read defensively: connector
 * 1.4.0+ stores the login at `details.rawData.userInfo.login`, records from March–May 2024 at
 * `details.rawData.login`, older ones not at all. Returns null when there is no subject.
 */
export function readPerson(claims: unknown): LogtoPerson | null {
  const parsed = claimsSchema.safeParse(claims);
  if (!parsed.success) return null;
  const { sub, name, username, picture, email, email_verified, roles, identities } = parsed.data;
  return {
    logtoUserId: sub,
    name: name ?? username ?? null,
    avatarUrl: picture ?? null,
    verifiedEmail: email && email_verified === true ? email : null,
    github: readGithubAccount(identities?.github),
    roles: roles ?? [],
  };
}

function readGithubAccount(identity: unknown): GithubAccount | null {
  if (!isRecord(identity)) return null;
  const userId = toGithubId(identity.userId);
  if (userId === null) return null;
  const details = isRecord(identity.details) ? identity.details : {};
  const rawData = isRecord(details.rawData) ? details.rawData : {};
  const userInfo = isRecord(rawData.userInfo) ? rawData.userInfo : {};
  const login = [userInfo.login, rawData.login].find(
    (candidate) => loginSchema.safeParse(candidate).success,
  );
  return { userId, login: typeof login === "string" ? login : null };
}

// Logto stores the id as a string ("583231"); anything that is not a positive integer is not
// a GitHub id we could ever invite.
function toGithubId(value: unknown): number | null {
  const digits = typeof value === "number" ? String(value) : value;
  if (typeof digits !== "string" || !/^[1-9][0-9]{0,15}$/.test(digits)) return null;
  const id = Number(digits);
  return Number.isSafeInteger(id) ? id : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
