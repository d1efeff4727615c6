import { readdirSync, readFileSync } from "node:fs";

function readStatus(pid: number): Record<string, string> | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/status`, "utf8");
    return Object.fromEntries(
      text.split("\n").map((line) => {
        const at = line.indexOf(":");
        return [line.slice(0, at), line.slice(at + 1).trim()];
      }),
    );
  } catch {
    return undefined; // the process ended while we looked
  }
}

/** `root` and every process below it (npm → sh → launcher → next-server). */
function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const ppid = Number(readStatus(pid)?.PPid);
    if (Number.isInteger(ppid)) parentOf.set(pid, ppid);
  }
  const found = [root];
  for (let i = 0; i < found.length; i += 1) {
    for (const [pid, ppid] of parentOf) if (ppid === found[i]) found.push(pid);
  }
  return found;
}

/** Resident memory in bytes of the largest process under `root`: the Next server itself. */
export function serverRssBytes(root: number): number {
  let largest = 0;
  for (const pid of descendants(root)) {
    const kb = Number.parseInt(readStatus(pid)?.VmRSS ?? "0", 10);
    largest = Math.max(largest, kb * 1024);
  }
  return largest;
}
