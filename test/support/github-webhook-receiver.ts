import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "../../lib/db/types";
import type { AccessHint } from "../../lib/grants";
import { receiveGithubWebhook } from "../../lib/webhooks/receive-github-webhook";

/**
 * Our GitHub webhook receiver behind a real HTTP port, as /api/webhooks/github serves it, so
 * the emulator's signed deliveries go through the same verification as GitHub's. `now` is the
 * test's clock (the emulator's).
 */
export async function startGithubWebhookReceiver(
  db: () => Database,
  secret: string,
  now: () => Date,
  /** What the app does with a hint (checks it on GitHub); answered before replying, so tests can wait for it. */
  onHint: (hint: AccessHint) => Promise<unknown>,
) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === "string") headers.set(name, value);
      }
      const request = new Request("http://localhost/api/webhooks/github", {
        method: "POST",
        headers,
        body: Buffer.concat(chunks),
      });
      receiveGithubWebhook(db(), request, { secret, now: now() })
        .then(async (answer) => {
          if (answer.applied) await onHint(answer.applied);
          return answer;
        })
        .then(
          (answer) =>
            res
              .writeHead(answer.status, { "content-type": "application/json" })
              .end(JSON.stringify(answer.body)),
          () => res.writeHead(500).end(),
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/github`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
