import { describe, expect, it } from "vitest";
import { accessTarget, describeAccess, targetUrl } from "./describe-access";

const repo = (permission: string) =>
  accessTarget({
    kind: "github_repo",
    owner: "acme",
    repo: "toolkit",
    permission,
    org: null,
    teamSlug: null,
    teamRole: null,
  });

describe("describeAccess", () => {
  it("names base permissions as GitHub does and custom roles by name", () => {
    expect(describeAccess(repo("pull"))).toBe("read access to the private repository acme/toolkit");
    expect(describeAccess(repo("push"))).toBe(
      "write access to the private repository acme/toolkit",
    );
    expect(describeAccess(repo("toolkit-reader"))).toBe(
      "the “toolkit-reader” role on the private repository acme/toolkit",
    );
  });

  it("names team membership and the maintainer role", () => {
    const team = (teamRole: string) =>
      accessTarget({
        kind: "github_team",
        owner: null,
        repo: null,
        permission: null,
        org: "acme",
        teamSlug: "toolkit-users",
        teamRole,
      });
    expect(describeAccess(team("member"))).toBe("membership of the team acme/toolkit-users");
    expect(describeAccess(team("maintainer"))).toBe(
      "maintainer role in the team acme/toolkit-users",
    );
    expect(targetUrl(team("member"))).toBe("https://github.com/orgs/acme/teams/toolkit-users");
  });
});
