import { createHmac, randomBytes, randomUUID } from "node:crypto";

export type WebhookTarget = { url: string; secret: string };

export type WebhookDelivery = {
  id: string;
  event: string;
  action: string;
  url: string;
  /** The receiver's HTTP status, or undefined when the POST itself failed. */
  status?: number;
  error?: string;
};

export type WebhookSender = {
  target: WebhookTarget | null;
  readonly deliveries: readonly WebhookDelivery[];
  send(event: string, payload: { action: string } & Record<string, unknown>): void;
  /** Resolves once every delivery started so far has been answered (or failed). */
  flush(): Promise<void>;
};

const HOOK_ID = "100000001";
const HOOKSHOT = `GitHub-Hookshot/${randomBytes(4).toString("hex").slice(0, 7)}`;

export function signature(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** Delivers like GitHub: asynchronously, after the API call that caused the event answered. */
export function createWebhookSender(target: WebhookTarget | null): WebhookSender {
  const deliveries: WebhookDelivery[] = [];
  const inFlight = new Set<Promise<void>>();

  async function deliver(
    to: WebhookTarget,
    delivery: WebhookDelivery,
    body: string,
    target: { type: string; id: unknown },
  ): Promise<void> {
    try {
      const response = await fetch(to.url, {
        method: "POST",
        body,
        headers: {
          "content-type": "application/json",
          "user-agent": HOOKSHOT,
          "x-github-event": delivery.event,
          "x-github-delivery": delivery.id,
          "x-github-hook-id": HOOK_ID,
          "x-github-hook-installation-target-type": target.type,
          "x-github-hook-installation-target-id": String(target.id),
          "x-hub-signature-256": signature(to.secret, body),
        },
        signal: AbortSignal.timeout(10_000),
      });
      delivery.status = response.status;
      await response.body?.cancel();
    } catch (error) {
      delivery.error = error instanceof Error ? error.message : String(error);
    }
  }

  const sender: WebhookSender = {
    target,
    deliveries,
    send(event, payload) {
      const to = sender.target;
      if (!to) return;
      const delivery: WebhookDelivery = {
        id: randomUUID(),
        event,
        action: payload.action,
        url: to.url,
      };
      deliveries.push(delivery);
      // Repository events come from the repository's hook, team and member events from the org's.
      const repository = payload.repository as { id?: unknown } | undefined;
      const organization = payload.organization as { id?: unknown } | undefined;
      const target = repository
        ? { type: "repository", id: repository.id }
        : { type: "organization", id: organization?.id };
      const running = deliver(to, delivery, JSON.stringify(payload), target);
      inFlight.add(running);
      void running.finally(() => inFlight.delete(running));
    },
    async flush() {
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
  };
  return sender;
}
