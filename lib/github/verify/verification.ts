import "server-only";
import {
  describeCode,
  type GithubError,
  type GithubErrorCode,
  type GithubErrorWords,
  type VerificationNoteCode,
} from "../error-codes";
import type { GithubCall } from "../result";

/** What is checked before a product is sold, per entitlement. */
export type EntitlementTarget =
  | { kind: "github_repo"; owner: string; repo: string; permission: string }
  | { kind: "github_team"; org: string; teamSlug: string };

export type CheckName =
  | "installation"
  | "repository"
  | "administration"
  | "custom_role"
  | "team"
  | "team_management"
  | "org_base_role"
  | "seats";

/**
 * ok: verified. warning: works, with a consequence the merchant should know. unverified:
 * GitHub offers no way to check this ahead of time (or could not be reached). problem: a sale
 * would fail as things are.
 */
export type CheckOutcome = "ok" | "warning" | "unverified" | "problem";

export type VerificationCheck = {
  check: CheckName;
  outcome: CheckOutcome;
  code: GithubErrorCode | VerificationNoteCode;
  /** The merchant's words, from the error-code table. */
  message: string;
  fix: string;
  /** GitHub's own words, when a GitHub answer decided the outcome. */
  githubMessage?: string;
};

export type EntitlementVerification = {
  /** The worst outcome of `checks`. */
  verdict: CheckOutcome;
  checks: VerificationCheck[];
  calls: GithubCall[];
};

const SEVERITY: Record<CheckOutcome, number> = { ok: 0, unverified: 1, warning: 2, problem: 3 };

export function verdictOf(checks: readonly VerificationCheck[]): CheckOutcome {
  return checks.reduce<CheckOutcome>(
    (worst, { outcome }) => (SEVERITY[outcome] > SEVERITY[worst] ? outcome : worst),
    "ok",
  );
}

export function noted(
  check: CheckName,
  outcome: CheckOutcome,
  code: GithubErrorCode | VerificationNoteCode,
  words: GithubErrorWords,
): VerificationCheck {
  return { check, outcome, code, ...describeCode(code, words) };
}

/** A failed GitHub call: a problem, unless it is worth trying again later (then unverified). */
export function failed(check: CheckName, error: GithubError): VerificationCheck {
  return {
    check,
    outcome: error.kind === "retry" ? "unverified" : "problem",
    code: error.code,
    message: error.message,
    fix: error.fix,
    ...(error.githubMessage ? { githubMessage: error.githubMessage } : {}),
  };
}

/** Classic tokens list their scopes in `x-oauth-scopes`; fine-grained and App tokens do not. */
export function classicScopes(headers: Record<string, unknown>): string[] | null {
  const value = headers["x-oauth-scopes"];
  if (typeof value !== "string") return null;
  return value
    .split(",")
    .map((scope) => scope.trim())
    .filter(Boolean);
}
