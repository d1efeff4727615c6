import { legacyPermission, permissionFlags, type RepoRole } from "./roles";
import type { Account, State } from "./state";

// Bodies follow GitHub's `simple-user`, `public-user`, `private-user` and `collaborator` schemas
// (checked against sandbox/github/openapi-fixture.json in openapi-conformance.test.ts).

export const HTML_BASE = "https://github.com";

export function nodeId(kind: string, id: number): string {
  return Buffer.from(`0${kind.length}:${kind}${id}`).toString("base64");
}

/** GitHub's timestamps have whole seconds: `2022-07-19T04:36:41Z`. */
export function timestamp(ms: number | string): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function simpleUser(account: Account, api: string) {
  const url = `${api}/users/${account.login}`;
  return {
    login: account.login,
    id: account.id,
    node_id: nodeId(account.type, account.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${account.id}?v=4`,
    gravatar_id: "",
    url,
    html_url: `${HTML_BASE}/${account.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: account.type,
    user_view_type: "public",
    site_admin: false,
  };
}

export function publicUser(state: State, account: Account, api: string) {
  const owned = state.repos.filter((r) => r.ownerId === account.id);
  return {
    ...simpleUser(account, api),
    name: account.name,
    company: null,
    blog: "",
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: owned.filter((r) => !r.private).length,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: timestamp(account.createdAt),
    updated_at: timestamp(account.createdAt),
  };
}

export function privateUser(state: State, account: Account, api: string) {
  const owned = state.repos.filter((r) => r.ownerId === account.id);
  const ownedPrivate = owned.filter((r) => r.private).length;
  return {
    ...publicUser(state, account, api),
    user_view_type: "private",
    private_gists: 0,
    total_private_repos: ownedPrivate,
    owned_private_repos: ownedPrivate,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { name: "free", space: 976562499, collaborators: 0, private_repos: 10000 },
  };
}

/** `name` is the role's `role_name`: a base role's, or an org custom role's own name. */
export function collaborator(account: Account, role: RepoRole, name: string, api: string) {
  return { ...simpleUser(account, api), permissions: permissionFlags(role), role_name: name };
}

/** `GET …/collaborators/{username}/permission`; a user without access reads "none". */
export function collaboratorPermission(
  account: Account,
  role: RepoRole | null,
  name: string | null,
  api: string,
) {
  return {
    permission: legacyPermission(role),
    role_name: name ?? "none",
    user: {
      ...simpleUser(account, api),
      permissions: permissionFlags(role),
      role_name: name ?? "none",
    },
  };
}
