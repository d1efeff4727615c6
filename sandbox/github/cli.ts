// `npm run sandbox:github -- --port 4010 [--host 127.0.0.1] [--seed seed.json] [--state state.json]
//  [--webhook-url URL --webhook-secret SECRET] [--ghes]`: the GitHub API emulator as a process.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { startGithubEmulator } from "./emulator";
import type { Seed } from "./seed";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    host: { type: "string", default: "127.0.0.1" },
    seed: { type: "string" },
    state: { type: "string" },
    "webhook-url": { type: "string" },
    "webhook-secret": { type: "string" },
    ghes: { type: "boolean", default: false },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got ${values.port}`);
  process.exit(2);
}
const webhookUrl = values["webhook-url"];
const webhookSecret = values["webhook-secret"];
if (webhookUrl && !webhookSecret) {
  console.error("--webhook-url needs --webhook-secret");
  process.exit(2);
}

const emulator = await startGithubEmulator({
  port,
  host: values.host,
  seed: values.seed ? (JSON.parse(readFileSync(values.seed, "utf8")) as Seed) : undefined,
  statePath: values.state,
  webhook: webhookUrl && webhookSecret ? { url: webhookUrl, secret: webhookSecret } : undefined,
  mode: values.ghes ? "ghes" : "dotcom",
});
console.log(`GitHub API emulator listening on ${emulator.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
