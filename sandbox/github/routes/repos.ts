import type { Route } from "../context";
import { fullRepository } from "../serialize-repo";
import { requireVisibleRepo } from "../guards";
import { effectiveRole } from "../world";

export const repoRoutes: Route[] = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}",
    docs: "https://docs.github.com/rest/repos/repos#get-a-repository",
    handle(ctx) {
      const repo = requireVisibleRepo(ctx);
      // `permissions` describes a person's access; an App's is its installation's permissions.
      const caller = ctx.caller;
      const role =
        caller && !caller.installation
          ? effectiveRole(ctx.core.state, repo, caller.user.id)
          : undefined;
      return { status: 200, body: fullRepository(ctx.core.state, repo, ctx.api, role) };
    },
  },
];
