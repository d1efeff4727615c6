import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { handleAdmin } from "./admin-api";
import type { Core } from "./context";
import { createControls, type GithubEmulatorControls } from "./controls";
import { loadState, saveState } from "./persistence";
import { RateLimits } from "./rate-limits";
import { createRequestLog, type RequestLog } from "./request-log";
import { DEFAULT_SEED, type Seed } from "./seed";
import { GHES_PREFIX, createRequestHandler } from "./server";
import { stateFromSeed } from "./state-from-seed";
import { createWebhookSender, type WebhookTarget } from "./webhooks";

export type GithubEmulatorOptions = {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** The world to start from; default DEFAULT_SEED (see sandbox/README.md). */
  seed?: Seed;
  /** Persist the state here after every change, and start from it when it exists. */
  statePath?: string;
  /** The emulator clock before any advanceClock(); default Date.now. */
  now?: () => number;
  /** Where `member` webhooks go, signed with `secret`. */
  webhook?: WebhookTarget;
  /** "ghes" serves under /api/v3 and adds collaborators directly (204), as GHES does. */
  mode?: "dotcom" | "ghes";
};

export type GithubEmulator = {
  /** The base URL to give Octokit (`baseUrl`), e.g. http://127.0.0.1:4010. */
  url: string;
  port: number;
  controls: GithubEmulatorControls;
  requestLog: RequestLog;
  close(): Promise<void>;
};

export async function startGithubEmulator(
  options: GithubEmulatorOptions = {},
): Promise<GithubEmulator> {
  const { statePath, mode = "dotcom" } = options;
  const state = (statePath && loadState(statePath)) || stateFromSeed(options.seed ?? DEFAULT_SEED);
  const clock = { offsetMs: 0 };
  const baseNow = options.now ?? Date.now;
  let url = "";
  const core: Core = {
    state,
    mode,
    settings: {
      latencyMs: 0,
      inviteDailyLimit: 50,
      pendingInvitationPut: "same",
      failures: [],
      holds: [],
    },
    now: () => baseNow() + clock.offsetMs,
    apiBase: () => url,
    commit() {
      if (statePath) saveState(statePath, core.state);
    },
    webhooks: createWebhookSender(options.webhook ?? null),
  };
  const rateLimits = new RateLimits();
  const requestLog = createRequestLog();
  const controls = createControls(core, rateLimits, clock);
  const handle = createRequestHandler({
    core,
    rateLimits,
    requestLog,
    admin: (method, name, body) => handleAdmin(controls, requestLog, method, name, body),
  });
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("GitHub emulator: request failed", error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  url = `http://${host.includes(":") ? `[${host}]` : host}:${port}${mode === "ghes" ? GHES_PREFIX : ""}`;
  core.commit();

  return {
    url,
    port,
    controls,
    requestLog,
    async close() {
      await core.webhooks.flush();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
