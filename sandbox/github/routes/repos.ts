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
      const role = ctx.caller ? effectiveRole(ctx.core.state, repo, ctx.caller.user.id) : undefined;
      return { status: 200, body: fullRepository(ctx.core.state, repo, ctx.api, role) };
    },
  },
];
