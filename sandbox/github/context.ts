import type { AppRecord, InstallationRecord, State, TokenRecord, UserRecord } from "./state";
import type { WebhookSender } from "./webhooks";

export type PendingInvitationPut = "same" | "new";

/** What the test controls change; not part of the persisted world. */
export type Settings = {
  latencyMs: number;
  inviteDailyLimit: number;
  /** The 422's errors[0].message; GitHub's wording is unrecorded, so tests may set their own. */
  inviteLimitMessage?: string;
  /** What PUT …/collaborators/{username} does while that user has an open invitation. */
  pendingInvitationPut: PendingInvitationPut;
  failures: Array<{ remaining: number; status: number; route?: string }>;
  /** Answers held back after the change was made (see controls.holdNextResponse). */
  holds: ResponseHold[];
};

/** One request of `route` ("PUT /repos/{owner}/{repo}/collaborators/{username}") to hold. */
export type ResponseHold = {
  route: string;
  /** Called once the request was handled and its change committed, its answer not yet sent. */
  held(status: number): void;
  /** The answer goes out when this settles. */
  released: Promise<void>;
};

export type Core = {
  state: State;
  settings: Settings;
  mode: "dotcom" | "ghes";
  now(): number;
  /** The emulator's own API base URL (webhook payloads have no request to take a host from). */
  apiBase(): string;
  /** Persists the state when a statePath was given. */
  commit(): void;
  webhooks: WebhookSender;
};

/** Who a token belongs to; installation tokens act as the App's `[bot]` user. */
export type Caller = { token: TokenRecord; user: UserRecord; installation?: InstallationRecord };

export type RequestContext = {
  core: Core;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  caller: Caller | null;
  /** The App, on routes that take the App's JWT (`auth: "app"`). */
  app: AppRecord | null;
  /** API base URL as the client addressed it, for `url` fields, `Location` and `Link`. */
  api: string;
  /** The operation's documentation URL, which GitHub puts in its error bodies. */
  docs: string;
  /** The request path below the API base (without GHES's /api/v3). */
  path: string;
};

export type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

export type Route = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  template: string;
  docs: string;
  /** "app": authenticated by the App's JWT, not by a token. */
  auth?: "app";
  /** Served only by this flavour of GitHub; the other answers 404. */
  only?: "dotcom" | "ghes";
  /** Sent as `x-accepted-github-permissions`, as GitHub does for fine-grained tokens. */
  acceptedPermissions?: string;
  handle(ctx: RequestContext): Reply;
};
