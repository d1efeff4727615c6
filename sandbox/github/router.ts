import type { Route } from "./context";
import { addCollaboratorRoute } from "./routes/add-collaborator";
import { appRoutes } from "./routes/apps";
import { collaboratorRoutes } from "./routes/collaborators";
import { customRoleRoutes } from "./routes/custom-roles";
import { orgMembershipRoutes } from "./routes/org-memberships";
import { orgRoutes } from "./routes/orgs";
import { repoInvitationRoutes } from "./routes/repo-invitations";
import { repoRoutes } from "./routes/repos";
import { teamRoutes } from "./routes/teams";
import { userInvitationRoutes } from "./routes/user-invitations";
import { userRoutes } from "./routes/users";

type CompiledRoute = { route: Route; pattern: RegExp; names: string[] };

// Literal routes first, so /user/repository_invitations never reads as /user/{account_id}.
export const ROUTES: Route[] = [
  ...userInvitationRoutes,
  ...orgMembershipRoutes,
  ...userRoutes,
  ...appRoutes,
  ...repoRoutes,
  ...collaboratorRoutes,
  addCollaboratorRoute,
  ...repoInvitationRoutes,
  ...teamRoutes,
  ...orgRoutes,
  ...customRoleRoutes,
];

const COMPILED: CompiledRoute[] = ROUTES.map((route) => {
  const names: string[] = [];
  const source = route.template.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { route, pattern: new RegExp(`^${source}/?$`), names };
});

export type RouteMatch = { route: Route; params: Record<string, string> };

export function matchRoute(method: string, path: string): RouteMatch | undefined {
  for (const { route, pattern, names } of COMPILED) {
    if (route.method !== method) continue;
    const match = pattern.exec(path);
    if (!match) continue;
    const params: Record<string, string> = {};
    names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1] ?? "")));
    return { route, params };
  }
  return undefined;
}
