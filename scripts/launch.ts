// `npm run dev` / `npm start`: resolves the port (PORT, or `-p N` after `--`) so that APP_URL
// defaults to the port really served, decides between real GitHub and the sandbox, then runs
// Next with our own signal handling.
import { spawn } from "node:child_process";
import nextEnv from "@next/env";
import { parseConfig } from "../lib/env-schema";
import { parseLaunchArgs } from "./launch-args";
import { decideSandbox } from "./sandbox-decision";
import { startSandbox } from "./start-sandbox";

const argv = process.argv.slice(2);
// Read .env files the way Next will, so PORT and the sandbox decision see them too.
nextEnv.loadEnvConfig(process.cwd(), argv[0] === "dev");

async function main(): Promise<void> {
  const { mode, port, rest } = parseLaunchArgs(argv, process.env.PORT);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    // instrumentation.ts closes the database on SIGTERM/SIGINT; Next's handler would not.
    NEXT_MANUAL_SIG_HANDLE: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const config = parseConfig(env);

  const decision = decideSandbox(mode, env);
  if (decision.kind === "refuse") {
    console.error(decision.message);
    process.exit(1);
  }
  let stopSandbox = async () => {};
  if (decision.kind === "sandbox") {
    const sandbox = await startSandbox({
      dataDir: config.dataDir,
      appUrl: config.appUrl,
      githubPort: config.sandboxGithubPort,
      env,
    });
    Object.assign(env, sandbox.env);
    stopSandbox = () => sandbox.github.close();
    console.log(
      `Sandbox (${decision.reason}): GitHub emulator at ${sandbox.github.url}, ` +
        `token ${sandbox.env.GITHUB_TOKEN}. Nothing is sent to GitHub.`,
    );
  }

  const nextBin = new URL("../node_modules/next/dist/bin/next", import.meta.url).pathname;
  const child = spawn(process.execPath, [nextBin, mode, "-p", String(port), ...rest], {
    env,
    stdio: "inherit",
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on("exit", (code, signal) => {
    void stopSandbox().finally(() => process.exit(code ?? (signal ? 1 : 0)));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
