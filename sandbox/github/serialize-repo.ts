import { permissionFlags, roleName, type RepoRole } from "./roles";
import { HTML_BASE, nodeId, simpleUser, timestamp } from "./serialize-account";
import type { InvitationRecord, RepoRecord, State } from "./state";
import { accountById, fullName, isExpired, repoOrg, repoOwner } from "./world";

// Bodies follow GitHub's `minimal-repository`, `full-repository` and `repository-invitation`.

export function minimalRepository(state: State, repo: RepoRecord, api: string) {
  const name = fullName(state, repo);
  const url = `${api}/repos/${name}`;
  return {
    id: repo.id,
    node_id: nodeId("Repository", repo.id),
    name: repo.name,
    full_name: name,
    private: repo.private,
    owner: simpleUser(repoOwner(state, repo), api),
    html_url: `${HTML_BASE}/${name}`,
    description: repo.description,
    fork: false,
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    assignees_url: `${url}/assignees{/user}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`,
    commits_url: `${url}/commits{/sha}`,
    compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`,
    contributors_url: `${url}/contributors`,
    deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`,
    events_url: `${url}/events`,
    forks_url: `${url}/forks`,
    git_commits_url: `${url}/git/commits{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    hooks_url: `${url}/hooks`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`,
    issues_url: `${url}/issues{/number}`,
    keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`,
    languages_url: `${url}/languages`,
    merges_url: `${url}/merges`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`,
    releases_url: `${url}/releases{/id}`,
    stargazers_url: `${url}/stargazers`,
    statuses_url: `${url}/statuses/{sha}`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    tags_url: `${url}/tags`,
    teams_url: `${url}/teams`,
    trees_url: `${url}/git/trees{/sha}`,
  };
}

/** `GET /repos/{owner}/{repo}`; `permissions` describes the caller, when there is one. */
export function fullRepository(
  state: State,
  repo: RepoRecord,
  api: string,
  callerRole?: RepoRole | null,
) {
  const name = fullName(state, repo);
  const org = repoOrg(state, repo);
  const created = timestamp(repo.createdAt);
  return {
    ...minimalRepository(state, repo, api),
    clone_url: `${HTML_BASE}/${name}.git`,
    git_url: `git://github.com/${name}.git`,
    ssh_url: `git@github.com:${name}.git`,
    svn_url: `${HTML_BASE}/${name}`,
    mirror_url: null,
    homepage: null,
    language: null,
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    size: 0,
    default_branch: "main",
    open_issues_count: 0,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: repo.private ? "private" : "public",
    pushed_at: created,
    created_at: created,
    updated_at: created,
    ...(callerRole === undefined ? {} : { permissions: permissionFlags(callerRole) }),
    allow_forking: !repo.private,
    web_commit_signoff_required: false,
    license: null,
    forks: 0,
    open_issues: 0,
    watchers: 0,
    network_count: 0,
    subscribers_count: 0,
    ...(org ? { organization: simpleUser({ ...org, type: "Organization" }, api) } : {}),
  };
}

/**
 * A `repository-invitation`. The 201 of PUT …/collaborators recorded from github.com carries no
 * `expired` key; lists do.
 */
export function invitation(
  state: State,
  record: InvitationRecord,
  api: string,
  expiredAt?: number,
) {
  const repo = state.repos.find((r) => r.id === record.repoId);
  const invitee = accountById(state, record.inviteeId);
  const inviter = accountById(state, record.inviterId);
  if (!repo) throw new Error(`Invitation ${record.id} has no repository`);
  return {
    id: record.id,
    node_id: `RI_${Buffer.from(`invitation:${record.id}`).toString("base64url")}`,
    repository: minimalRepository(state, repo, api),
    invitee: invitee ? simpleUser(invitee, api) : null,
    inviter: inviter ? simpleUser(inviter, api) : null,
    permissions: roleName(record.role),
    created_at: timestamp(record.createdAt),
    url: `${api}/user/repository_invitations/${record.id}`,
    html_url: `${HTML_BASE}/${fullName(state, repo)}/invitations`,
    ...(expiredAt === undefined ? {} : { expired: isExpired(record, expiredAt) }),
  };
}
