import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Results } from "@electric-sql/pglite";

type Reply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ErrorFields };
type ErrorFields = { message: string; name?: string; stack?: string } & Record<string, unknown>;
type QueryOptions = { rowMode?: "array" | "object"; parsers?: Record<number, unknown> };

/** What drizzle's PGlite driver calls on its client, inside a transaction. */
export interface PgliteQueryable {
  query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
}

/** What drizzle's PGlite driver calls on its client. */
export interface PgliteOnThread extends PgliteQueryable {
  transaction<T>(callback: (tx: PgliteQueryable) => Promise<T>): Promise<T>;
  /** A statement run again and again: parsed and planned once, under a name. */
  prepared(text: string, params: unknown[]): Promise<Results<unknown>>;
  close(): Promise<void>;
}

// Found from the project directory under tsx and vitest. `next build` recognises the `new Worker`
// below and builds the file into a chunk of its own: the server runs that copy, so a change to
// the worker takes effect after the next build.
const WORKER_FILE = path.join(process.cwd(), "lib/db/pglite-worker.mjs");

/** Drizzle's PGlite driver keeps these types as text (identity parsers); PGlite's own parse them. */
function textTypesOf(options: QueryOptions | undefined): number[] {
  return Object.keys(options?.parsers ?? {}).map(Number);
}
// The same types drizzle lists, for statements that do not pass through drizzle's driver.
const DRIZZLE_TEXT_TYPES = [1114, 1184, 1186, 1082, 1231, 1115, 1185, 1187, 1182];

/**
 * Starts PGlite on a worker thread (lib/db/pglite-worker.mjs) and returns a client with the
 * part of PGlite's interface drizzle uses. Requests and rows cross as structured clones; an
 * error keeps its SQLSTATE and other fields, so callers see what PGlite would have thrown.
 * The thread keeps the process alive only while a request is waiting on it, as a database
 * connection's socket would.
 */
export async function startPgliteThread(dataDir?: string): Promise<PgliteOnThread> {
  const worker = new Worker(WORKER_FILE, { workerData: { dataDir } });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  let nextTx = 1;
  let stopped: Error | undefined;

  const ready = new Promise<void>((resolve, reject) =>
    pending.set(0, { resolve: () => resolve(), reject }),
  );
  worker.on("message", (reply: Reply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(Object.assign(new Error(reply.error.message), reply.error));
  });
  const stop = (error: Error) => {
    stopped ??= error;
    for (const waiting of pending.values()) waiting.reject(stopped);
    pending.clear();
  };
  worker.on("error", (error) =>
    stop(new Error(`the embedded database stopped: ${error.message}`, { cause: error })),
  );
  worker.on("exit", (code) => stop(new Error(`the embedded database stopped (exit code ${code})`)));

  const send = <T>(request: Record<string, unknown>): Promise<T> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve, reject });
      worker.ref();
      worker.postMessage({ ...request, id });
    });
  };
  const queryOn =
    (tx: number | undefined) =>
    <T>(text: string, params: unknown[] = [], options?: QueryOptions) =>
      send<Results<T>>({
        op: "query",
        tx,
        text,
        params,
        rowMode: options?.rowMode ?? "object",
        textTypes: textTypesOf(options),
      });

  try {
    await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }

  return {
    query: queryOn(undefined),
    prepared: (text, params) =>
      send({ op: "prepared", text, params, textTypes: DRIZZLE_TEXT_TYPES }),
    async transaction(callback) {
      const tx = nextTx++;
      await send({ op: "begin", tx });
      let result;
      try {
        result = await callback({ query: queryOn(tx) });
      } catch (error) {
        await send({ op: "end", tx, commit: false });
        throw error;
      }
      await send({ op: "end", tx, commit: true });
      return result;
    },
    async close() {
      if (!stopped) await send({ op: "close" });
      await worker.terminate();
    },
  };
}
