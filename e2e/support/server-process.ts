import { spawn, type ChildProcess } from "node:child_process";

export interface ServerProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  /** Resolves when every process the server started (npm, launcher, Next) has ended. */
  gone(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `npm start -- -p PORT` as a real, separate process (the way a user runs it). */
export function startServerProcess(port: number, env: Record<string, string>): ServerProcess {
  const child = spawn("npm", ["start", "--", "-p", String(port)], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    gone: async () => {
      await exited;
      await groupGone(child.pid!);
    },
    stop: async () => {
      if (child.exitCode !== null || child.pid === undefined) return;
      process.kill(-child.pid, "SIGTERM");
      await exited;
      await groupGone(child.pid);
    },
  };
}

/**
 * npm exits before the Next server below it has finished closing: until the whole process group
 * is gone, the port may still be held by a server that answers and then hangs up.
 */
async function groupGone(pid: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(-pid, 0);
    } catch {
      return; // ESRCH: no process of the group is left
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`process group ${pid} still running ${timeoutMs} ms after SIGTERM`);
}

export async function waitForHealth(baseUrl: string, timeoutMs = 60_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return await response.json();
      lastError = new Error(`health answered ${response.status}: ${await response.text()}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw lastError;
}
