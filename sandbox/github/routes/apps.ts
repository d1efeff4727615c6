import { randomBytes } from "node:crypto";
import type { RequestContext, Route } from "../context";
import { basicError, notFound, requiresAuthentication } from "../errors";
import { requireNumber } from "../guards";
import { installation, integration } from "../serialize-app";
import { timestamp } from "../serialize-account";
import type { AppRecord } from "../state";
import { findOrg, findRepo, installationCovers, installationOn } from "../world";

const DOCS = "https://docs.github.com/rest/apps/apps";
const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

function requireApp(ctx: RequestContext): AppRecord {
  if (!ctx.app) throw requiresAuthentication(ctx.docs);
  return ctx.app;
}

/** Installation tokens look like `ghs_` and 36 letters and digits. */
function newInstallationToken(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = randomBytes(36);
  return `ghs_${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("")}`;
}

/** The App's own endpoints, authenticated by its JWT. */
export const appRoutes: Route[] = [
  {
    method: "GET",
    template: "/app",
    docs: `${DOCS}#get-the-authenticated-app`,
    auth: "app",
    handle: (ctx) => ({ status: 200, body: integration(ctx.core.state, requireApp(ctx), ctx.api) }),
  },
  {
    // 404 also when the installation exists but was not given this repository.
    method: "GET",
    template: "/repos/{owner}/{repo}/installation",
    docs: `${DOCS}#get-a-repository-installation-for-the-authenticated-app`,
    auth: "app",
    handle(ctx) {
      const app = requireApp(ctx);
      const { state } = ctx.core;
      const repo = findRepo(state, ctx.params.owner ?? "", ctx.params.repo ?? "");
      const found = repo && installationOn(app, repo.ownerId);
      if (!repo || !found || !installationCovers(found, repo)) throw notFound(ctx.docs);
      return { status: 200, body: installation(state, app, found, ctx.api) };
    },
  },
  {
    method: "GET",
    template: "/orgs/{org}/installation",
    docs: `${DOCS}#get-an-organization-installation-for-the-authenticated-app`,
    auth: "app",
    handle(ctx) {
      const app = requireApp(ctx);
      const org = findOrg(ctx.core.state, ctx.params.org ?? "");
      const found = org && installationOn(app, org.id);
      if (!found) throw notFound(ctx.docs);
      return { status: 200, body: installation(ctx.core.state, app, found, ctx.api) };
    },
  },
  {
    method: "POST",
    template: "/app/installations/{installation_id}/access_tokens",
    docs: `${DOCS}#create-an-installation-access-token-for-an-app`,
    auth: "app",
    handle(ctx) {
      const app = requireApp(ctx);
      const id = requireNumber(ctx, "installation_id");
      const found = app.installations.find((i) => i.id === id);
      if (!found) throw notFound(ctx.docs);
      if (found.suspendedAt !== null) {
        // Recorded with this older documentation_url.
        throw basicError(
          403,
          "This installation has been suspended",
          "https://docs.github.com/rest/reference/apps#create-an-installation-access-token-for-an-app",
        );
      }
      const { state } = ctx.core;
      const now = ctx.core.now();
      const expiresAt = Math.floor(now / 1000) * 1000 + TOKEN_LIFETIME_MS;
      const token = newInstallationToken();
      state.tokens = state.tokens.filter((t) => t.expiresAt === undefined || t.expiresAt > now);
      state.tokens.push({
        token,
        userId: app.botUserId,
        kind: "installation",
        permissions: found.permissions,
        installationId: found.id,
        expiresAt,
      });
      ctx.core.commit();
      return {
        status: 201,
        body: {
          token,
          expires_at: timestamp(expiresAt),
          permissions: found.permissions,
          repository_selection: found.repositorySelection,
        },
      };
    },
  },
];
