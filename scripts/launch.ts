// `npm run dev` / `npm start`: resolves the port (PORT, or `-p N` after `--`) so that APP_URL
// defaults to the port really served, decides between real GitHub and Logto and their sandbox
// stand-ins, then runs Next with our own signal handling.
import { spawn } from "node:child_process";
import nextEnv from "@next/env";
import { parseConfig } from "../lib/env-schema";
import { parseLaunchArgs } from "./launch-args";
import { decideIdentitySandbox, decideSandbox } from "./sandbox-decision";
import { startIdentitySandbox } from "./start-identity-sandbox";
import { startSandbox, type StandIn } from "./start-sandbox";

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
  const identityDecision = decideIdentitySandbox(mode, env);
  if (identityDecision.kind === "unconfigured") console.warn(identityDecision.message);
  const where = { dataDir: config.dataDir, appUrl: config.appUrl };
  const userEnv = { ...env };
  const wanted = [
    decision.kind === "sandbox" && {
      reason: `Sandbox (${decision.reason})`,
      port: config.sandboxGithubPort,
      start: startSandbox,
    },
    identityDecision.kind === "sandbox" && {
      reason: `Sandbox sign-in (${identityDecision.reason})`,
      port: config.sandboxIdentityPort,
      start: startIdentitySandbox,
    },
  ];
  const standIns: StandIn[] = [];
  for (const { reason, port: standInPort, start } of wanted.filter((w) => w !== false)) {
    // Each stand-in reads the person's own settings, not the ones another stand-in set.
    const standIn = await start({ ...where, port: standInPort, env: userEnv });
    standIns.push(standIn);
    Object.assign(env, standIn.env);
    console.log(`${reason}: ${standIn.summary}`);
  }
  const stopSandbox = () => Promise.all(standIns.map((standIn) => standIn.close()));

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
