// The operations lib/github calls and sandbox/github emulates, with the GitHub description each
// is taken from. fetch-openapi-fixture.ts copies them into openapi-fixture.json, and
// openapi-conformance.test.ts checks that every emulated route is among them.

export type OpenapiDescription = "api.github.com" | "ghes-3.19";

export type OpenapiOperation = {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  /** Default api.github.com; GHES-only operations come from the GHES description. */
  from?: OpenapiDescription;
};

export const OPENAPI_OPERATIONS: readonly OpenapiOperation[] = [
  { method: "get", path: "/user" },
  { method: "get", path: "/user/{account_id}" },
  { method: "get", path: "/users/{username}" },
  { method: "get", path: "/orgs/{org}" },
  { method: "get", path: "/orgs/{org}/members/{username}" },
  { method: "get", path: "/orgs/{org}/memberships/{username}" },
  { method: "delete", path: "/orgs/{org}/memberships/{username}" },
  { method: "get", path: "/repos/{owner}/{repo}" },
  { method: "get", path: "/repos/{owner}/{repo}/collaborators" },
  { method: "get", path: "/repos/{owner}/{repo}/collaborators/{username}" },
  { method: "put", path: "/repos/{owner}/{repo}/collaborators/{username}" },
  { method: "delete", path: "/repos/{owner}/{repo}/collaborators/{username}" },
  { method: "get", path: "/repos/{owner}/{repo}/collaborators/{username}/permission" },
  { method: "get", path: "/repos/{owner}/{repo}/invitations" },
  { method: "patch", path: "/repos/{owner}/{repo}/invitations/{invitation_id}" },
  { method: "delete", path: "/repos/{owner}/{repo}/invitations/{invitation_id}" },
  { method: "get", path: "/user/repository_invitations" },
  { method: "patch", path: "/user/repository_invitations/{invitation_id}" },
  { method: "delete", path: "/user/repository_invitations/{invitation_id}" },
  { method: "get", path: "/app" },
  { method: "get", path: "/repos/{owner}/{repo}/installation" },
  { method: "get", path: "/orgs/{org}/installation" },
  { method: "post", path: "/app/installations/{installation_id}/access_tokens" },
  { method: "get", path: "/orgs/{org}/teams/{team_slug}" },
  { method: "get", path: "/orgs/{org}/teams/{team_slug}/members" },
  { method: "get", path: "/orgs/{org}/teams/{team_slug}/memberships/{username}" },
  { method: "put", path: "/orgs/{org}/teams/{team_slug}/memberships/{username}" },
  { method: "delete", path: "/orgs/{org}/teams/{team_slug}/memberships/{username}" },
  { method: "get", path: "/orgs/{org}/invitations" },
  { method: "get", path: "/user/memberships/orgs/{org}" },
  { method: "patch", path: "/user/memberships/orgs/{org}" },
  { method: "get", path: "/orgs/{org}/custom-repository-roles", from: "ghes-3.19" },
];
