import { spawn } from "node:child_process";
import { once } from "node:events";
import { expect, it } from "vitest";

const TSX = new URL("../../node_modules/.bin/tsx", import.meta.url).pathname;
const CLI = new URL("./cli.ts", import.meta.url).pathname;

it("`npm run sandbox:identity` prints working credentials for the app and stops on SIGTERM", async () => {
  const child = spawn(TSX, [CLI, "--port", "0", "--app-url", "http://localhost:4555"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("sbxbuyer0001")) resolve();
      });
      child.once("exit", (code) => reject(new Error(`CLI exited with ${code}: ${output}`)));
    });
    const setting = (name: string) => new RegExp(`${name}=(\\S+)`).exec(output)?.[1] ?? "";
    const endpoint = setting("LOGTO_ENDPOINT");
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(output).toContain("redirect URI http://localhost:4555/callback");

    // The printed secret authenticates the registered application: a bogus refresh token is
    // then the only problem (invalid_grant), not the client (invalid_client).
    const basic = Buffer.from(`${setting("LOGTO_APP_ID")}:${setting("LOGTO_APP_SECRET")}`);
    const response = await fetch(`${endpoint}/oidc/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${basic.toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=refresh_token&refresh_token=bogus",
    });
    expect(await response.json()).toMatchObject({ code: "oidc.invalid_grant" });
    // oidc-provider's expected warnings on Node 20 are kept out of the output.
    expect(errors).not.toContain("oidc-provider WARNING");
  } finally {
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
  }
});
