import { describe, expect, it } from "vitest";
import { describeFinding, describeTarget, summarizeAudit } from "./describe-audit";
import type { AccessAudit } from "./run-access-audit";

const at = new Date("2026-11-29T18:00:00Z");
const audit = (fields: Partial<AccessAudit>): AccessAudit => ({
  id: 1,
  trigger: "merchant",
  startedAt: at,
  finishedAt: at,
  removed: 0,
  settled: 0,
  failedTargets: 0,
  githubCalls: 0,
  targets: [],
  ...fields,
});

describe("the access audit in words", () => {
  it("sums up a run in one sentence", () => {
    const target = {
      target: "acme/toolkit",
      kind: "github_repo" as const,
      githubCalls: 2,
      findings: [],
    };
    expect(summarizeAudit(audit({ targets: [target], githubCalls: 2 }))).toBe(
      "Checked 1 repository or team with 2 GitHub requests: everything matches GitHub.",
    );
    expect(
      summarizeAudit(
        audit({
          targets: [target, target],
          githubCalls: 5,
          removed: 1,
          settled: 2,
          failedTargets: 1,
        }),
      ),
    ).toBe(
      "Checked 2 repositories and teams with 5 GitHub requests: removed 1 left-over access and corrected 2 purchases to match GitHub. 1 target could not be fixed; the next audit tries again.",
    );
    expect(summarizeAudit(audit({}))).toBe(
      "Nothing sold has reached GitHub yet, so there was nothing to check.",
    );
  });

  it("says per finding what was found and done", () => {
    expect(
      describeFinding({
        login: "octocat",
        finding: "left_over",
        action: "removed",
        grantIds: [1],
        removed: ["team_member", "org_member"],
      }),
    ).toBe(
      "Removed @octocat's left-over team membership and organization membership: every order that paid for it was refunded or revoked.",
    );
    expect(
      describeFinding({
        login: "hubot",
        finding: "gone",
        action: "failed",
        grantIds: [],
        error: "GitHub is unavailable",
      }),
    ).toBe("Could not fix @hubot's access: GitHub is unavailable. The next audit tries again.");
    expect(
      describeTarget({
        target: "acme/toolkit",
        kind: "github_repo",
        githubCalls: 1,
        findings: [],
        error: { code: "repo_not_found", message: "The repository was not found" },
      }),
    ).toMatch(
      /^Could not be read from GitHub \(The repository was not found\)\. Nothing was changed/,
    );
  });
});
