import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { verify } from "@octokit/webhooks-methods";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signature } from "./webhooks";
import { useGithubEmulator } from "@/test/support/github-emulator";

const SECRET = "It's a Secret to Everybody";
type Received = { headers: IncomingHttpHeaders; body: string };

let receiver: Server;
let received: Received[] = [];
let receiverUrl = "";

beforeEach(async () => {
  received = [];
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/github`;
});
afterEach(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

const github = useGithubEmulator();
const ADMIN = { authorization: "token sandbox-admin-token" };

it("signs like GitHub (documented test vector)", () => {
  expect(signature(SECRET, "Hello, World!")).toBe(
    "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
  );
});

describe("member webhooks", () => {
  it("are signed, verifiable, and sent when an invitation is accepted and a collaborator removed", async () => {
    github().controls.setWebhook({ url: receiverUrl, secret: SECRET });
    const put = await fetch(`${github().url}/repos/acme/toolkit/collaborators/octocat`, {
      method: "PUT",
      headers: ADMIN,
      body: JSON.stringify({ permission: "pull" }),
    });
    const { id } = (await put.json()) as { id: number };
    const accept = await fetch(`${github().url}/user/repository_invitations/${id}`, {
      method: "PATCH",
      headers: { authorization: "token sandbox-token-octocat" },
    });
    expect(accept.status).toBe(204);
    await fetch(`${github().url}/repos/acme/toolkit/collaborators/octocat`, {
      method: "DELETE",
      headers: ADMIN,
    });
    await github().controls.flushWebhooks();

    expect(received).toHaveLength(2);
    for (const { headers, body } of received) {
      expect(await verify(SECRET, body, String(headers["x-hub-signature-256"]))).toBe(true);
      expect(await verify("another secret", body, String(headers["x-hub-signature-256"]))).toBe(
        false,
      );
      expect(headers["x-github-event"]).toBe("member");
      expect(headers["x-github-delivery"]).toMatch(/^[0-9a-f-]{36}$/);
      expect(headers["user-agent"]).toMatch(/^GitHub-Hookshot\//);
    }
    const [added, removed] = received.map((r) => JSON.parse(r.body) as Record<string, unknown>);
    expect(added).toMatchObject({
      action: "added",
      changes: { permission: { to: "read" }, role_name: { to: "read" } },
      member: { login: "octocat", id: 583231 },
      repository: { full_name: "acme/toolkit", private: true },
      sender: { login: "octocat" },
      organization: { login: "acme" },
    });
    expect(removed).toMatchObject({
      action: "removed",
      member: { login: "octocat" },
      sender: { login: "acme-admin" },
    });
    expect(github().controls.webhookDeliveries.map((d) => [d.action, d.status])).toEqual([
      ["added", 202],
      ["removed", 202],
    ]);
  });

  it("leave out `organization` for a user-owned repository and are not sent without a target", async () => {
    await fetch(`${github().url}/repos/acme-admin/dotfiles/collaborators/hubot`, {
      method: "PUT",
      headers: ADMIN,
    });
    const [first] = github().controls.snapshot().invitations;
    github().controls.acceptInvitation(first!.id);
    await github().controls.flushWebhooks();
    expect(received).toHaveLength(0);

    github().controls.setWebhook({ url: receiverUrl, secret: SECRET });
    await fetch(`${github().url}/repos/acme-admin/dotfiles/collaborators/hubot`, {
      method: "DELETE",
      headers: ADMIN,
    });
    await github().controls.flushWebhooks();
    const payload = JSON.parse(received[0]!.body) as Record<string, unknown>;
    expect(payload).toMatchObject({
      action: "removed",
      repository: { full_name: "acme-admin/dotfiles" },
    });
    expect(payload).not.toHaveProperty("organization");
  });
});

describe("team and organization webhooks", () => {
  it("send organization/member_added and membership/added on acceptance, membership/removed on removal", async () => {
    github().controls.setWebhook({ url: receiverUrl, secret: SECRET });
    const membership = `${github().url}/orgs/acme/teams/toolkit-users/memberships/octocat`;
    await fetch(membership, { method: "PUT", headers: ADMIN });
    await fetch(`${github().url}/user/memberships/orgs/acme`, {
      method: "PATCH",
      headers: { authorization: "token sandbox-token-octocat" },
      body: JSON.stringify({ state: "active" }),
    });
    await fetch(membership, { method: "DELETE", headers: ADMIN });
    await github().controls.flushWebhooks();

    const events = await Promise.all(
      received.map(async ({ headers, body }) => ({
        verified: await verify(SECRET, body, String(headers["x-hub-signature-256"])),
        event: headers["x-github-event"],
        target: headers["x-github-hook-installation-target-type"],
        targetId: headers["x-github-hook-installation-target-id"],
        payload: JSON.parse(body) as Record<string, unknown>,
      })),
    );
    expect(
      events.map((e) => [e.verified, e.event, e.payload.action, e.target, e.targetId]),
    ).toEqual([
      [true, "organization", "member_added", "organization", "2000001"],
      [true, "membership", "added", "organization", "2000001"],
      [true, "membership", "removed", "organization", "2000001"],
    ]);
    expect(events[0]?.payload).toMatchObject({
      membership: { state: "active", role: "member", user: { login: "octocat" } },
      organization: { login: "acme" },
    });
    expect(events[1]?.payload).toMatchObject({
      scope: "team",
      member: { login: "octocat" },
      team: { slug: "toolkit-users" },
      organization: { login: "acme" },
    });
    expect(events[2]?.payload).toMatchObject({ sender: { login: "acme-admin" } });
  });
});
