// The vocabulary of the access fuzz (issue 16): each step is one thing that can happen to a
// shop selling acme/toolkit — a payment, a refund, a buyer or the merchant acting on GitHub, the
// network doing something to a webhook, GitHub misbehaving, time passing, or the engine running
// (or crashing). Steps are plain data so a history prints as code and replays as a test.

export const ACCOUNTS = ["octocat", "hubot", "legacy-buyer"] as const;
export type Account = (typeof ACCOUNTS)[number];

/** The two products on sale: read (pull) or write (push) access to acme/toolkit. */
export const PERMISSIONS = ["pull", "push"] as const;
export type Permission = (typeof PERMISSIONS)[number];

export type EnginePass = "fulfill" | "revoke" | "sync" | "audit";
export type WebhookFate = "deliver" | "drop" | "duplicate" | "delay";

export type Step =
  /** A new order, paid; the order webhook names the buyer by GitHub login or by GitHub id. */
  | { do: "pay"; account: Account; permission: Permission; by: "login" | "id" }
  /** The order webhook for the `order`-th payment of the history is sent again. */
  | { do: "repeatPayment"; order: number; delivery: "same" | "new" }
  | { do: "refund"; order: number }
  | { do: "accept"; account: Account }
  | { do: "decline"; account: Account }
  /** Seven days pass on GitHub's clock: every open invitation expires. */
  | { do: "expireInvitations" }
  | { do: "merchantRemoves"; account: Account }
  /** What the network does with the oldest GitHub webhook not yet delivered. */
  | { do: "webhook"; fate: WebhookFate }
  /** Someone sends the `which`-th delivered webhook's signed body again, under a new delivery id. */
  | { do: "replayWebhook"; which: number }
  | { do: "githubFails"; requests: number; status: 500 | 502 | 503 }
  | { do: "secondaryRateLimit"; seconds: number }
  /** GitHub answers every new invitation with its 422 "daily limit" until it recovers. */
  | { do: "dailyLimitReached" }
  | { do: "githubRecovers" }
  | { do: "wait"; minutes: number }
  | { do: "pass"; pass: EnginePass }
  /** A pass that dies right after GitHub answers its first write, before our commit. */
  | { do: "crash"; pass: Exclude<EnginePass, "sync"> };

type StepOf<K extends Step["do"]> = Extract<Step, { do: K }>;

/** Builders with positional arguments, so a history reads like a script. */
export const step = {
  pay: (account: Account, permission: Permission, by: "login" | "id" = "login"): Step => ({
    do: "pay",
    account,
    permission,
    by,
  }),
  repeatPayment: (order: number, delivery: "same" | "new"): Step => ({
    do: "repeatPayment",
    order,
    delivery,
  }),
  refund: (order: number): Step => ({ do: "refund", order }),
  accept: (account: Account): Step => ({ do: "accept", account }),
  decline: (account: Account): Step => ({ do: "decline", account }),
  expireInvitations: (): Step => ({ do: "expireInvitations" }),
  merchantRemoves: (account: Account): Step => ({ do: "merchantRemoves", account }),
  webhook: (fate: WebhookFate): Step => ({ do: "webhook", fate }),
  replayWebhook: (which: number): Step => ({ do: "replayWebhook", which }),
  githubFails: (requests: number, status: 500 | 502 | 503 = 502): Step => ({
    do: "githubFails",
    requests,
    status,
  }),
  secondaryRateLimit: (seconds: number): Step => ({ do: "secondaryRateLimit", seconds }),
  dailyLimitReached: (): Step => ({ do: "dailyLimitReached" }),
  githubRecovers: (): Step => ({ do: "githubRecovers" }),
  wait: (minutes: number): Step => ({ do: "wait", minutes }),
  pass: (pass: EnginePass): Step => ({ do: "pass", pass }),
  crash: (pass: Exclude<EnginePass, "sync">): Step => ({ do: "crash", pass }),
} satisfies { [K in Step["do"]]: (...args: never[]) => Step };

// The builders' argument order, for printing a step as the call that builds it.
const ARGUMENTS: { [K in Step["do"]]: ReadonlyArray<Exclude<keyof StepOf<K>, "do">> } = {
  pay: ["account", "permission", "by"],
  repeatPayment: ["order", "delivery"],
  refund: ["order"],
  accept: ["account"],
  decline: ["account"],
  expireInvitations: [],
  merchantRemoves: ["account"],
  webhook: ["fate"],
  replayWebhook: ["which"],
  githubFails: ["requests", "status"],
  secondaryRateLimit: ["seconds"],
  dailyLimitReached: [],
  githubRecovers: [],
  wait: ["minutes"],
  pass: ["pass"],
  crash: ["pass"],
};

/** `step.pay("octocat", "pull", "login")`: the code that rebuilds the step. */
export function formatStep(s: Step): string {
  const names = ARGUMENTS[s.do] as readonly string[];
  const values = names.map((name) => JSON.stringify((s as Record<string, unknown>)[name]));
  return `step.${s.do}(${values.join(", ")})`;
}

export interface History {
  /** Whether GitHub's webhooks are configured (through the inbox) or not at all. */
  webhooks: boolean;
  steps: Step[];
}

/** The history as the regression test that replays it. */
export function formatHistory(history: History): string {
  const lines = history.steps.map((s) => `    ${formatStep(s)},`);
  return `{\n  webhooks: ${history.webhooks},\n  steps: [\n${lines.join("\n")}\n  ],\n}`;
}
