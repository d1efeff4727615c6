import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { GithubEmulator } from "../../sandbox/github/emulator";

/** One signed delivery as the emulator sent it: the body and the headers that sign it. */
export interface HeldWebhook {
  deliveryId: string;
  event: string;
  action: string;
  body: string;
  headers: Record<string, string>;
}

const SENT_HEADERS = /^(content-type|user-agent|x-github-.*|x-hub-signature-256)$/;

/**
 * Stands between the emulator's webhook sender and our receiver, holding every delivery until
 * the test says what the network does with it: deliver it, lose it, send it twice, hold it
 * back behind later ones, or — once delivered — replay its signed body under a new delivery
 * id. Deliveries are kept in the order the emulator sent them, not the order their POSTs
 * happened to arrive in, so a history replays the same way every time.
 */
export async function startGithubWebhookInbox(emulator: () => GithubEmulator) {
  const arrived = new Map<string, HeldWebhook>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      // Only what GitHub's delivery means: a resend must not carry this hop's length or host.
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === "string" && SENT_HEADERS.test(name)) headers[name] = value;
      }
      const deliveryId = headers["x-github-delivery"] ?? "";
      const body = Buffer.concat(chunks).toString("utf8");
      const action = (JSON.parse(body) as { action?: string }).action ?? "";
      arrived.set(deliveryId, {
        deliveryId,
        event: headers["x-github-event"] ?? "",
        action,
        body,
        headers,
      });
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const pending: HeldWebhook[] = [];
  const delivered: HeldWebhook[] = [];
  let collected = 0;

  return {
    url: `http://127.0.0.1:${port}/`,
    /** Deliveries not yet delivered or dropped, oldest first. */
    pending: pending as readonly HeldWebhook[],
    /** Deliveries that reached the receiver at least once, in the order they first did. */
    delivered: delivered as readonly HeldWebhook[],
    /** Waits for everything the emulator has sent so far and queues it, in sending order. */
    async collect() {
      await emulator().controls.flushWebhooks();
      const sent = emulator().controls.webhookDeliveries;
      for (; collected < sent.length; collected += 1) {
        const held = arrived.get(sent[collected]!.id);
        if (held) pending.push(held);
      }
    },
    /** Takes the oldest pending delivery off the queue. */
    takeOldest: () => pending.shift(),
    /** Moves the oldest pending delivery behind every other one (it arrives late). */
    holdBack() {
      const oldest = pending.shift();
      if (oldest) pending.push(oldest);
    },
    markDelivered(held: HeldWebhook) {
      if (!delivered.includes(held)) delivered.push(held);
    },
    /** Forgets what is still queued (the network lost it). */
    dropAll: () => void pending.splice(0, pending.length),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type GithubWebhookInbox = Awaited<ReturnType<typeof startGithubWebhookInbox>>;

/** Sends a held delivery to our receiver, under its own delivery id or the one given. */
export async function sendHeldWebhook(
  receiverUrl: string,
  held: HeldWebhook,
  deliveryId = held.deliveryId,
): Promise<number> {
  const response = await fetch(receiverUrl, {
    method: "POST",
    headers: { ...held.headers, "x-github-delivery": deliveryId },
    body: held.body,
  });
  await response.body?.cancel();
  return response.status;
}
