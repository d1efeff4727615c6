import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { verify } from "@octokit/webhooks-methods";
import { expect, it } from "vitest";
import { useGithubEmulator } from "@/sandbox/github/testing";
import { createGithubClient } from "./client";
import { inviteCollaborator } from "./invite-collaborator";
import { removeCollaborator } from "./remove-collaborator";

const SECRET = "webhook-secret";
const github = useGithubEmulator();

it("an accepted invitation and a removal reach the app's receiver as signed member events", async () => {
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = receiver.address() as AddressInfo;
    github().controls.setWebhook({ url: `http://127.0.0.1:${port}/hooks`, secret: SECRET });
    const options = { baseUrl: github().url, writeIntervalMs: 0 };
    const admin = createGithubClient({ token: "sandbox-admin-token", ...options });
    const invitee = createGithubClient({ token: "sandbox-token-hubot", ...options });
    const target = { owner: "acme", repo: "toolkit", username: "hubot" };

    const invited = await inviteCollaborator(admin, { ...target, permission: "push" });
    if (!invited.ok || invited.value.status !== "invited")
      throw new Error("expected an invitation");
    await invitee.octokit.rest.repos.acceptInvitationForAuthenticatedUser({
      invitation_id: invited.value.invitationId,
    });
    expect((await removeCollaborator(admin, target)).ok).toBe(true);
    await github().controls.flushWebhooks();

    const events = await Promise.all(
      received.map(async ({ headers, body }) => {
        const payload = JSON.parse(body) as { action: string; member: { login: string } };
        const verified = await verify(SECRET, body, String(headers["x-hub-signature-256"]));
        return [verified, headers["x-github-event"], payload.action, payload.member.login];
      }),
    );
    expect(events).toEqual([
      [true, "member", "added", "hubot"],
      [true, "member", "removed", "hubot"],
    ]);
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
