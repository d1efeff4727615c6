// `npm run dev` / `npm start`: resolves the port (PORT, or `-p N` after `--`), so that APP_URL
// defaults to the port really served, then runs Next with our own signal handling.
import { spawn } from "node:child_process";
import nextEnv from "@next/env";
import { parseLaunchArgs } from "./launch-args";

const argv = process.argv.slice(2);
// Read .env files the way Next will, so PORT (and later the sandbox decision) sees them too.
nextEnv.loadEnvConfig(process.cwd(), argv[0] === "dev");
const { mode, port, rest } = parseLaunchArgs(argv, process.env.PORT);

const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: String(port),
  // instrumentation.ts closes the database on SIGTERM/SIGINT; Next's handler would not.
  NEXT_MANUAL_SIG_HANDLE: "1",
  NEXT_TELEMETRY_DISABLED: "1",
};

const child = spawn(process.execPath, [nextBin(), mode, "-p", String(port), ...rest], {
  env,
  stdio: "inherit",
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

function nextBin(): string {
  return new URL("../node_modules/next/dist/bin/next", import.meta.url).pathname;
}
