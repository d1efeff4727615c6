// The production server as users run it (`npm start` → scripts/launch.ts → `next start`), on
// PGlite or PostgreSQL, pointed at a GitHub emulator that the bench runs in its own process so
// it can read the emulator's request log and set its latency and limits.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openPglite, openPostgres } from "../../lib/db/open";
import type { DatabaseHandle } from "../../lib/db/types";
import { createProduct } from "../../lib/products/create-product";
import type { GithubEmulator } from "../../sandbox/github/emulator";
import { createThrowawayPostgres } from "../../test/support/throwaway-postgres";
import { TEST_WEBHOOK_SECRET } from "../../test/support/sign-order-webhook";
import { BENCH_PRODUCT } from "./orders";

/** The bench's server answers POST /api/cron/fulfill with this bearer secret. */
export const BENCH_CRON_SECRET = "bench-cron-secret-0123456789";

/**
 * Runs a fulfillment pass through the server and waits for it: the pass started by the cron
 * call (or the one already running, which then goes round again) ends when nothing is due.
 */
export async function fulfilNow(baseUrl: string) {
  const response = await fetch(`${baseUrl}/api/cron/fulfill`, {
    method: "POST",
    headers: { authorization: `Bearer ${BENCH_CRON_SECRET}` },
  });
  if (!response.ok) throw new Error(`cron/fulfill answered ${response.status}`);
  await response.arrayBuffer();
}

export type DatabaseKind = "pglite" | "postgres";

export interface BenchDatabase {
  kind: DatabaseKind;
  /** Empty for PGlite (the server opens DATA_DIR itself). */
  url: string;
  dataDir: string;
  /** Opens the database from the bench (PGlite only while no server holds the directory). */
  open(): Promise<DatabaseHandle>;
  drop(): Promise<void>;
}

/** A fresh, empty database of the given kind: a PGlite directory or a throwaway PostgreSQL. */
export async function freshDatabase(kind: DatabaseKind, postgresBase: string | undefined) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "repogrant-bench-"));
  const throwaway = kind === "postgres" ? await createThrowawayPostgres(postgresBase!) : undefined;
  const database: BenchDatabase = {
    kind,
    url: throwaway?.url ?? "",
    dataDir,
    open: () =>
      throwaway
        ? openPostgres(throwaway.url, { max: 4 })
        : openPglite(path.join(dataDir, "pglite")),
    drop: async () => {
      await throwaway?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return database;
}

/** The product B1, B2, B3 and B5 sell: read access to acme/toolkit. The server must be stopped. */
export async function addBenchProduct(database: BenchDatabase) {
  const handle = await database.open();
  await createProduct(handle.db, {
    slug: BENCH_PRODUCT,
    name: "Bench",
    entitlements: [{ kind: "github_repo", owner: "acme", repo: "toolkit", permission: "pull" }],
  });
  await handle.close();
}

export interface BenchServer {
  url: string;
  /** From spawning `npm start` to /api/health answering 200 (migrations applied). */
  startMs: number;
  /** Resident memory of the Next.js server process, in MB. */
  rssMb(): number;
  stop(): Promise<void>;
  /** `kill -9` of the whole process group (npx, launcher, Next), as a crash or an OOM kill. */
  kill(): Promise<void>;
  output(): string;
}

export interface ServerSettings {
  port: number;
  database: BenchDatabase;
  emulator: GithubEmulator;
  /** GITHUB_WRITE_INTERVAL_MS: 0 = no pacing (the sandbox), 1000 = production. */
  writeIntervalMs: number;
  inviteDailyLimit?: number;
  /**
   * Node flags for the Next.js server, e.g. a CPU profile (bench/profile-ingest.ts). Node
   * refuses --cpu-prof in NODE_OPTIONS, so the server is then started as `node <flags> next
   * start` without the launcher (which adds nothing here: no sandbox, GitHub is configured).
   */
  nodeFlags?: string[];
  /** Default: the emulator admin's token. A second instance may use another to be told apart. */
  githubToken?: string;
  /** FULFILLMENT_LEASE_SECONDS (production: 300); crash benches shorten the wait for a lease. */
  leaseSeconds?: number;
}

/** `next build` once, unless `reuse` and a build is there already. */
export function buildOnce(reuse: boolean) {
  if (reuse && existsSync(".next/BUILD_ID")) {
    console.log("(reusing the existing .next build; run without --quick to rebuild)");
    return;
  }
  console.log("next build …");
  const start = performance.now();
  execFileSync("npx", ["next", "build"], { stdio: ["ignore", "ignore", "inherit"] });
  console.log(`next build took ${((performance.now() - start) / 1000).toFixed(0)} s`);
}

function descendants(pid: number): number[] {
  const table = execFileSync("ps", ["-eo", "pid=,ppid="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of table) {
      if (ppid === parent) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return found;
}

function rssKb(pid: number) {
  if (!pid) return 0;
  try {
    const out = execFileSync("ps", ["-o", "rss=", "-p", String(pid)], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    return Number(out.trim()) || 0;
  } catch {
    return 0;
  }
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function whenGone(pids: number[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (pids.some(alive) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number, output: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`server not ready after ${timeoutMs} ms:\n${output()}`);
}

export async function startServer(settings: ServerSettings): Promise<BenchServer> {
  const { port, database, emulator } = settings;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    DATA_DIR: database.dataDir,
    SANDBOX: "",
    GITHUB_TOKEN: settings.githubToken ?? "sandbox-admin-token",
    GITHUB_API_URL: emulator.url,
    GITHUB_APP_ID: "",
    GITHUB_APP_PRIVATE_KEY: "",
    GITHUB_WRITE_INTERVAL_MS: String(settings.writeIntervalMs),
    INVITE_DAILY_LIMIT: String(settings.inviteDailyLimit ?? 1_000_000),
    ORDER_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    CRON_SECRET: BENCH_CRON_SECRET,
    FULFILLMENT_LEASE_SECONDS: settings.leaseSeconds ? String(settings.leaseSeconds) : "",
    TEST_DATABASE_URL: "",
    NEXT_MANUAL_SIG_HANDLE: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const start = performance.now();
  const command = settings.nodeFlags
    ? [process.execPath, ...settings.nodeFlags, "node_modules/next/dist/bin/next"]
    : ["npx", "tsx", "scripts/launch.ts"];
  const child = spawn(command[0]!, [...command.slice(1), "start", "-p", String(port)], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/health`, child, 120_000, () => output);
  const startMs = performance.now() - start;
  // The Next.js server is the largest process of the tree (npx → tsx → node next start, or
  // node next start itself when started with node flags).
  const signal = async (name: "SIGTERM" | "SIGKILL") => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const tree = descendants(child.pid!);
    process.kill(-child.pid!, name);
    await exited;
    // npx can exit before the Next.js server has closed PGlite and released its lock.
    await whenGone(tree, 30_000);
  };
  const nextServerPid = () =>
    [child.pid!, ...descendants(child.pid!)].reduce(
      (best, pid) => (rssKb(pid) > rssKb(best) ? pid : best),
      0,
    );
  return {
    url,
    startMs,
    rssMb: () => rssKb(nextServerPid()) / 1024,
    output: () => output,
    stop: () => signal("SIGTERM"),
    kill: () => signal("SIGKILL"),
  };
}
