export type LaunchMode = "dev" | "start";

export interface LaunchArgs {
  mode: LaunchMode;
  port: number;
  /** Arguments passed through to `next` untouched. */
  rest: string[];
}

/** `dev|start [-p N | --port N | --port=N] [...next args]`; the flag wins over PORT. */
export function parseLaunchArgs(argv: string[], envPort: string | undefined): LaunchArgs {
  const [mode, ...args] = argv;
  if (mode !== "dev" && mode !== "start") {
    throw new Error(`usage: launch dev|start [-p PORT] (got "${mode ?? ""}")`);
  }
  let portText = envPort?.trim() || "3000";
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "-p" || arg === "--port") {
      portText = args[++i] ?? "";
    } else if (arg.startsWith("--port=")) {
      portText = arg.slice("--port=".length);
    } else {
      rest.push(arg);
    }
  }
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`invalid port "${portText}": expected a number from 1 to 65535`);
  }
  return { mode, port, rest };
}
