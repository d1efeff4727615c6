import { HTML_BASE, nodeId, simpleUser, timestamp } from "./serialize-account";
import type { AppRecord, InstallationRecord, State } from "./state";
import { accountById } from "./world";

// Bodies follow GitHub's `integration` and `installation` schemas.

function accountOf(state: State, id: number) {
  const account = accountById(state, id);
  if (!account) throw new Error(`No account ${id}`);
  return account;
}

/** The repository events an App with these permissions can subscribe to. */
function events(installation: Pick<InstallationRecord, "permissions">): string[] {
  return installation.permissions.members ? ["member", "membership", "organization"] : ["member"];
}

export function integration(state: State, app: AppRecord, api: string) {
  const created = timestamp(app.createdAt);
  const permissions: Record<string, string> = {};
  for (const installation of app.installations) {
    Object.assign(permissions, installation.permissions);
  }
  return {
    id: app.id,
    slug: app.slug,
    node_id: nodeId("Integration", app.id),
    client_id: `Iv1.${app.id.toString(16).padStart(16, "0")}`,
    owner: simpleUser(accountOf(state, app.ownerId), api),
    name: app.name,
    description: null,
    external_url: `${HTML_BASE}/apps/${app.slug}`,
    html_url: `${HTML_BASE}/apps/${app.slug}`,
    created_at: created,
    updated_at: created,
    permissions,
    events: events({ permissions }),
    installations_count: app.installations.length,
  };
}

export function installation(
  state: State,
  app: AppRecord,
  record: InstallationRecord,
  api: string,
) {
  const account = accountOf(state, record.accountId);
  const created = timestamp(record.createdAt);
  const settings = account.type === "Organization" ? `organizations/${account.login}/` : "";
  return {
    id: record.id,
    account: simpleUser(account, api),
    repository_selection: record.repositorySelection,
    access_tokens_url: `${api}/app/installations/${record.id}/access_tokens`,
    repositories_url: `${api}/installation/repositories`,
    html_url: `${HTML_BASE}/${settings}settings/installations/${record.id}`,
    app_id: app.id,
    app_slug: app.slug,
    target_id: account.id,
    target_type: account.type === "Organization" ? "Organization" : "User",
    permissions: record.permissions,
    events: events(record),
    created_at: created,
    updated_at: created,
    single_file_name: null,
    suspended_by: null,
    suspended_at: record.suspendedAt === null ? null : timestamp(record.suspendedAt),
  };
}
