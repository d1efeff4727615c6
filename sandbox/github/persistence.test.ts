import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { startTestEmulator } from "@/test/support/github-emulator";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

it("keeps invitations and collaborators across a restart when given a statePath", async () => {
  const dir = mkdtempSync(join(tmpdir(), "github-emulator-"));
  dirs.push(dir);
  const statePath = join(dir, "nested", "github.json");
  const headers = { authorization: "token sandbox-admin-token" };

  const first = await startTestEmulator({ statePath });
  expect(existsSync(statePath)).toBe(true);
  const put = await fetch(`${first.url}/repos/acme/toolkit/collaborators/octocat`, {
    method: "PUT",
    headers,
  });
  const { id } = (await put.json()) as { id: number };
  await fetch(`${first.url}/repos/acme/toolkit/collaborators/hubot`, { method: "PUT", headers });
  first.controls.acceptInvitation(id + 1);
  await first.close();

  const second = await startTestEmulator({ statePath });
  try {
    const listed = (await (
      await fetch(`${second.url}/repos/acme/toolkit/invitations`, { headers })
    ).json()) as Array<{ id: number }>;
    expect(listed.map((i) => i.id)).toEqual([id]);
    const hubot = await fetch(`${second.url}/repos/acme/toolkit/collaborators/hubot`, { headers });
    expect(hubot.status).toBe(204);
    const next = await fetch(`${second.url}/repos/acme/toolkit/collaborators/hubot`, {
      method: "DELETE",
      headers,
    });
    expect(next.status).toBe(204);
    expect(readdirSync(join(dir, "nested"))).toEqual(["github.json"]);
  } finally {
    await second.close();
  }
});
