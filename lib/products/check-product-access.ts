import "server-only";
import {
  verifyEntitlementTarget,
  type CheckOutcome,
  type GithubClientProvider,
  type VerificationCheck,
} from "../github";
import { verdictOf } from "../github/verify/verification";
import { describeAccess, targetName, accessTarget } from "../grants/describe-access";
import type { EntitlementFormInput } from "./product-input";
import { ConfigError } from "../config-error";

export interface EntitlementAccessCheck {
  /** "acme/toolkit", as the editor's row names it. */
  target: string;
  /** "read access to the private repository acme/toolkit". */
  access: string;
  verdict: CheckOutcome;
  /** Each check in words with its fix; GitHub's request log stays on the server. */
  checks: VerificationCheck[];
}

/** How the check reaches GitHub: the configured credentials, or why there are none. */
export type AccessChecker = () => GithubClientProvider;

type Target = EntitlementFormInput;

const asRow = (e: Target) => ({
  kind: e.kind,
  owner: e.kind === "github_repo" ? e.owner : null,
  repo: e.kind === "github_repo" ? e.repo : null,
  permission: e.kind === "github_repo" ? e.permission : null,
  org: e.kind === "github_team" ? e.org : null,
  teamSlug: e.kind === "github_team" ? e.teamSlug : null,
  teamRole: e.kind === "github_team" ? e.teamRole : null,
});

/**
 * "Check access": asks GitHub, for every entitlement, whether a sale could be fulfilled. Read
 * only. Missing credentials are a problem of every row, in the words that name the variable.
 */
export async function checkProductAccess(
  provider: AccessChecker,
  entitlements: readonly Target[],
): Promise<EntitlementAccessCheck[]> {
  let github: GithubClientProvider | null = null;
  let configProblem: VerificationCheck | null = null;
  try {
    github = provider();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    configProblem = {
      check: "installation",
      outcome: "problem",
      code: "bad_credentials",
      message: "Repogrant has no GitHub credentials to check with.",
      fix: error.message,
    };
  }
  return Promise.all(
    entitlements.map(async (entitlement) => {
      const target = accessTarget(asRow(entitlement));
      const checks = github
        ? (
            await verifyEntitlementTarget(
              github,
              entitlement.kind === "github_repo"
                ? { ...entitlement, kind: "github_repo" }
                : { kind: "github_team", org: entitlement.org, teamSlug: entitlement.teamSlug },
            )
          ).checks
        : [configProblem!];
      return {
        target: targetName(target),
        access: describeAccess(target),
        verdict: verdictOf(checks),
        checks,
      };
    }),
  );
}

/** The checks that stop a product from going on sale, as sentences. */
export function blockingProblems(results: readonly EntitlementAccessCheck[]): string[] {
  return results.flatMap((result) =>
    result.checks
      .filter((check) => check.outcome === "problem")
      .map((check) => `${result.target}: ${check.message} ${check.fix}`),
  );
}
