import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { appFromJwt } from "./app-jwt";
import type { Caller, Core, Reply, RequestContext, Route } from "./context";
import {
  ApiError,
  GENERIC_DOCS,
  badCredentials,
  notFound,
  problemsParsingJson,
  serverError,
} from "./errors";
import type { RateLimits } from "./rate-limits";
import type { RequestLog, RequestLogEntry } from "./request-log";
import { matchRoute, type RouteMatch } from "./router";
import type { AppRecord } from "./state";
import { findInstallation, userById } from "./world";

type Deps = {
  core: Core;
  rateLimits: RateLimits;
  requestLog: RequestLog & { add(entry: RequestLogEntry): void };
  admin(method: string, name: string, body: string): { status: number; body: unknown };
};

export const GHES_PREFIX = "/api/v3";

/** GitHub's request ids look like `FA2D:87B1:8879E3:1176C87:6570B7E6`. */
function newRequestId(): string {
  const hex = (bytes: number) => randomBytes(bytes).toString("hex").toUpperCase();
  return [hex(2), hex(2), hex(3), hex(4), hex(4)].join(":");
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

// GitHub parses every body as JSON, whatever the content-type; octokit's body-less PUT arrives
// empty with `application/x-www-form-urlencoded`.
function parseBody(raw: string, docs: string): Record<string, unknown> {
  if (raw.trim() === "") return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // answered below
  }
  throw problemsParsingJson(docs);
}

type Authenticated = { caller: Caller | null; app: AppRecord | null };

function authenticate(core: Core, route: Route, header: string | undefined): Authenticated {
  if (header === undefined) return { caller: null, app: null };
  const token = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header)?.[1];
  if (route.auth === "app") {
    return { caller: null, app: appFromJwt(core.state, token ?? "", core.now()) };
  }
  const record = token ? core.state.tokens.find((t) => t.token === token) : undefined;
  const user = record && userById(core.state, record.userId);
  if (!record || !user) throw badCredentials();
  if (record.expiresAt !== undefined && record.expiresAt <= core.now()) throw badCredentials();
  if (record.installationId === undefined) return { caller: { token: record, user }, app: null };
  const installation = findInstallation(core.state, record.installationId)?.installation;
  if (!installation) throw badCredentials();
  return { caller: { token: record, user, installation }, app: null };
}

function takeInjectedFailure(core: Core, routeKey: string): number | undefined {
  const failures = core.settings.failures;
  const index = failures.findIndex((f) => !f.route || f.route === routeKey);
  const failure = failures[index];
  if (!failure) return undefined;
  failure.remaining -= 1;
  if (failure.remaining <= 0) failures.splice(index, 1);
  return failure.status;
}

function send(res: ServerResponse, reply: Reply, headers: Record<string, string>): void {
  const all: Record<string, string> = { ...headers, ...reply.headers };
  if (reply.status === 204 || reply.body === undefined) {
    res.writeHead(reply.status, all).end();
    return;
  }
  const text = JSON.stringify(reply.body);
  if (reply.status === 200 || reply.status === 201) {
    all.etag = `W/"${createHash("sha1").update(text).digest("hex")}"`;
    all["cache-control"] = "private, max-age=60, s-maxage=60";
  }
  all["content-type"] = "application/json; charset=utf-8";
  all["content-length"] = String(Buffer.byteLength(text));
  res.writeHead(reply.status, all).end(text);
}

export function createRequestHandler(deps: Deps) {
  const { core, rateLimits, requestLog } = deps;

  function dispatch(
    req: IncomingMessage,
    match: RouteMatch | undefined,
    path: string,
    url: URL,
    raw: string,
    headers: Record<string, string>,
  ): { reply: Reply; caller: Caller | null } {
    let caller: Caller | null = null;
    try {
      if (!match || (match.route.only && match.route.only !== core.mode)) {
        throw notFound(GENERIC_DOCS);
      }
      const { route } = match;
      const status = takeInjectedFailure(core, `${route.method} ${route.template}`);
      if (status !== undefined) throw serverError(status);
      const authenticated = authenticate(core, route, req.headers.authorization);
      caller = authenticated.caller;
      const { app } = authenticated;
      const limits = rateLimits.check({
        token: app ? `app:${app.id}` : caller?.token.token,
        userId: caller?.user.id,
        ip: req.socket.remoteAddress ?? "127.0.0.1",
        route: `${route.method} ${route.template}`,
        requestId: headers["x-github-request-id"] ?? "",
        now: core.now(),
      });
      Object.assign(headers, limits.headers);
      if (limits.error) throw limits.error;
      if (route.acceptedPermissions && caller?.token.kind === "fine_grained") {
        headers["x-accepted-github-permissions"] = route.acceptedPermissions;
      }
      if (caller?.token.kind === "classic") {
        headers["x-oauth-scopes"] = (caller.token.scopes ?? ["repo"]).join(", ");
      }
      const ctx: RequestContext = {
        core,
        params: match.params,
        query: url.searchParams,
        body: parseBody(raw, route.docs),
        caller,
        app,
        api: `http://${req.headers.host ?? "localhost"}${core.mode === "ghes" ? GHES_PREFIX : ""}`,
        docs: route.docs,
        path,
      };
      return { reply: route.handle(ctx), caller };
    } catch (error) {
      if (error instanceof ApiError) {
        return {
          reply: { status: error.status, body: error.body, headers: error.headers },
          caller,
        };
      }
      console.error("GitHub emulator: handler failed", error);
      return { reply: { status: 500, body: { message: "Server Error" } }, caller };
    }
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // With `at`, tells whether two requests were in flight at once (e.g. writes that must not be).
    const receivedAt = core.now();
    const url = new URL(req.url ?? "/", "http://emulator");
    const method = req.method ?? "GET";
    const raw = await readBody(req);
    if (url.pathname.startsWith("/_emulator/")) {
      const reply = deps.admin(method, url.pathname.slice("/_emulator/".length), raw);
      send(res, reply, { "cache-control": "no-store" });
      return;
    }
    const prefix = core.mode === "ghes" ? GHES_PREFIX : "";
    const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : "";
    const match = path ? matchRoute(method, path) : undefined;
    const requestId = newRequestId();
    const headers: Record<string, string> = {
      // On the emulator's clock: @octokit/auth-app reads it to correct a JWT's times.
      date: new Date(core.now()).toUTCString(),
      "x-github-request-id": requestId,
      "x-github-media-type": "github.v3; format=json",
      "x-github-api-version-selected": "2022-11-28",
    };
    if (core.settings.latencyMs > 0) await sleep(core.settings.latencyMs);
    const { reply, caller } = dispatch(req, match, path, url, raw, headers);
    const routeKey = `${method} ${match?.route.template ?? ""}`;
    const hold = core.settings.holds.findIndex((h) => h.route === routeKey);
    if (hold >= 0) {
      const [taken] = core.settings.holds.splice(hold, 1);
      taken!.held(reply.status);
      await taken!.released;
      // The client may be gone by then (that is what holding is for).
      if (res.destroyed || req.socket.destroyed) return;
    }
    send(res, reply, headers);
    requestLog.add({
      method,
      route: match?.route.template ?? url.pathname,
      path: url.pathname + url.search,
      status: reply.status,
      ...(caller ? { login: caller.user.login } : {}),
      requestId,
      receivedAt,
      at: core.now(),
    });
  };
}
