import { z } from "zod";
import type { GithubEmulatorControls } from "./controls";
import type { RequestLog } from "./request-log";
import { BASE_ROLES } from "./roles";

// The test controls over HTTP, for the shell sandbox and other processes:
// `GET /_emulator/{state,requests,webhook-deliveries,clock,app-credentials/{slug}}`,
// `DELETE /_emulator/requests`,
// and `POST /_emulator/{action}` with a JSON body (documented in sandbox/README.md).

const limitStatus = z.union([z.literal(403), z.literal(429)]).optional();
const seconds = z.number().nonnegative().optional();

const actions = {
  latency: z.object({ ms: z.number().nonnegative() }),
  "fail-next": z.object({
    count: z.number().int().positive(),
    status: z.number().int().min(500).max(599).optional(),
    route: z.string().optional(),
  }),
  "primary-rate-limit": z.object({
    token: z.string().optional(),
    status: limitStatus,
    resetInSeconds: seconds,
  }),
  "secondary-rate-limit": z.object({
    status: limitStatus,
    retryAfterSeconds: seconds,
    durationSeconds: seconds,
    route: z.string().optional(),
  }),
  "clear-rate-limits": z.object({}),
  "invite-daily-limit": z.object({
    limit: z.number().int().nonnegative(),
    message: z.string().optional(),
  }),
  "pending-invitation-put": z.object({ mode: z.enum(["same", "new"]) }),
  "org-base-role": z.object({ org: z.string(), role: z.enum(BASE_ROLES) }),
  "advance-clock": z.object({ ms: z.number() }),
  "accept-invitation": z.object({ id: z.number().int() }),
  "decline-invitation": z.object({ id: z.number().int() }),
  "rename-user": z.object({ login: z.string(), newLogin: z.string() }),
  "accept-org-invitation": z.object({ org: z.string(), login: z.string() }),
  "revoke-installation-tokens": z.object({ installationId: z.number().int().optional() }),
  "uninstall-app": z.object({ installationId: z.number().int() }),
  "suspend-installation": z.object({
    installationId: z.number().int(),
    suspended: z.boolean().optional(),
  }),
  webhook: z.object({ url: z.url().optional(), secret: z.string().min(1).optional() }),
};

type Action = keyof typeof actions;
type AdminReply = { status: number; body: unknown };

function run(controls: GithubEmulatorControls, action: Action, input: unknown): void {
  const c = controls;
  switch (action) {
    case "latency":
      return c.setLatency(actions.latency.parse(input).ms);
    case "fail-next": {
      const { count, ...options } = actions["fail-next"].parse(input);
      return c.failNextRequests(count, options);
    }
    case "primary-rate-limit":
      return c.exhaustRateLimit(actions["primary-rate-limit"].parse(input));
    case "secondary-rate-limit":
      return c.triggerSecondaryRateLimit(actions["secondary-rate-limit"].parse(input));
    case "clear-rate-limits":
      return c.clearRateLimits();
    case "invite-daily-limit": {
      const { limit, message } = actions["invite-daily-limit"].parse(input);
      return c.setInviteDailyLimit(limit, message);
    }
    case "pending-invitation-put":
      return c.setPendingInvitationPut(actions["pending-invitation-put"].parse(input).mode);
    case "org-base-role": {
      const { org, role } = actions["org-base-role"].parse(input);
      return c.setOrgBaseRole(org, role);
    }
    case "advance-clock":
      return c.advanceClock(actions["advance-clock"].parse(input).ms);
    case "accept-invitation":
      return c.acceptInvitation(actions["accept-invitation"].parse(input).id);
    case "decline-invitation":
      return c.declineInvitation(actions["decline-invitation"].parse(input).id);
    case "rename-user": {
      const { login, newLogin } = actions["rename-user"].parse(input);
      return c.renameUser(login, newLogin);
    }
    case "accept-org-invitation": {
      const { org, login } = actions["accept-org-invitation"].parse(input);
      return c.acceptOrgInvitation(org, login);
    }
    case "revoke-installation-tokens":
      return c.revokeInstallationTokens(
        actions["revoke-installation-tokens"].parse(input).installationId,
      );
    case "uninstall-app":
      return c.uninstallApp(actions["uninstall-app"].parse(input).installationId);
    case "suspend-installation": {
      const { installationId, suspended } = actions["suspend-installation"].parse(input);
      return c.suspendInstallation(installationId, suspended);
    }
    case "webhook": {
      const { url, secret } = actions.webhook.parse(input);
      if (url && !secret) throw new Error("A webhook needs a secret");
      return c.setWebhook(url && secret ? { url, secret } : null);
    }
  }
}

export function handleAdmin(
  controls: GithubEmulatorControls,
  requestLog: RequestLog,
  method: string,
  name: string,
  rawBody: string,
): AdminReply {
  if (method === "GET") {
    if (name === "state") return { status: 200, body: controls.snapshot() };
    if (name === "requests") return { status: 200, body: requestLog.entries };
    if (name === "webhook-deliveries") return { status: 200, body: controls.webhookDeliveries };
    if (name === "clock")
      return { status: 200, body: { now: new Date(controls.now()).toISOString() } };
    if (name.startsWith("app-credentials/")) {
      return guarded(() => controls.appCredentials(name.slice("app-credentials/".length)));
    }
  }
  if (method === "DELETE" && name === "requests") {
    requestLog.reset();
    return { status: 200, body: { ok: true } };
  }
  if (method !== "POST" || !Object.hasOwn(actions, name)) {
    return { status: 404, body: { error: `Unknown control ${method} /_emulator/${name}` } };
  }
  return guarded(() => {
    run(controls, name as Action, rawBody.trim() === "" ? {} : JSON.parse(rawBody));
    return { ok: true };
  });
}

function guarded(action: () => unknown): AdminReply {
  try {
    return { status: 200, body: action() };
  } catch (error) {
    const message =
      error instanceof z.ZodError
        ? z.prettifyError(error)
        : error instanceof Error
          ? error.message
          : String(error);
    return { status: 400, body: { error: message } };
  }
}
