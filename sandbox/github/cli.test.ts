import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";

const TSX = new URL("../../node_modules/.bin/tsx", import.meta.url).pathname;
const CLI = new URL("./cli.ts", import.meta.url).pathname;

it("`npm run sandbox:github` serves the README's curl example and stops cleanly on SIGTERM", async () => {
  const dir = mkdtempSync(join(tmpdir(), "github-emulator-cli-"));
  const child = spawn(TSX, [CLI, "--port", "0", "--state", join(dir, "state.json")], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    let output = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const found = /listening on (http:\/\/\S+)/.exec(output)?.[1];
        if (found) resolve(found);
      });
      child.once("exit", (code) => reject(new Error(`CLI exited with ${code}: ${output}`)));
    });
    // What `curl -s -H "Authorization: Bearer sandbox-admin-token" -X PUT -d '{"permission":"pull"}' …` sends.
    const response = await fetch(`${url}/repos/acme/toolkit/collaborators/octocat`, {
      method: "PUT",
      headers: {
        authorization: "Bearer sandbox-admin-token",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: '{"permission":"pull"}',
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      permissions: "read",
      invitee: { login: "octocat" },
    });
  } finally {
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const [code] = (await exited) as [number | null];
    rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(0);
  }
});
