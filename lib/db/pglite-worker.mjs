// @ts-check
/**
 * Runs embedded PGlite on a thread of its own (see pglite-thread.ts, which talks to it).
 *
 * PGlite is PostgreSQL compiled to WebAssembly: every statement runs synchronously on the
 * thread that owns it. On the server's main thread it took about half the CPU of each paid
 * order while the HTTP server waited (bench/RESULTS.md); here the server keeps answering while
 * the database works. Plain JavaScript because Node starts a worker from a file, outside the
 * app's TypeScript build.
 */
import process from "node:process";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite, parse, protocol } from "@electric-sql/pglite";

const port = /** @type {import("node:worker_threads").MessagePort} */ (parentPort);
/** @type {{ dataDir?: string }} */
const { dataDir } = workerData;

/** Open transactions by id: the transaction handle and how to end it. */
/** @type {Map<number, { tx: import("@electric-sql/pglite").Transaction, end: (commit: boolean) => Promise<void> }>} */
const transactions = new Map();
/** Statements prepared under a name, by their text: name and parameter types. */
/** @type {Map<string, { name: string, paramTypes: number[] }>} */
const preparedStatements = new Map();

/** @param {unknown} error */
function serializeError(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  // PGlite's DatabaseError carries the SQLSTATE (`code`), `constraint`, `detail` and more as
  // own properties: callers decide on them, so they cross the thread boundary. Its query
  // options hold functions, which cannot cross, and are left behind.
  /** @type {Record<string, unknown>} */
  const fields = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === null || ["string", "number", "boolean"].includes(typeof value))
      fields[key] = value;
  }
  return { ...fields, name: error.name, message: error.message, stack: error.stack };
}

let pg;
try {
  pg = await PGlite.create(dataDir);
} catch (error) {
  port.postMessage({ id: 0, ok: false, error: serializeError(error) });
  process.exit(1);
}
port.postMessage({ id: 0, ok: true });

/**
 * Drizzle keeps dates, times and intervals as PostgreSQL's text; it passes those types'
 * identity parsers, which cannot cross threads, so the caller sends their type ids instead.
 * @param {number[]} textTypes
 */
function textParsers(textTypes) {
  return Object.fromEntries(
    textTypes.map((type) => [type, (/** @type {string} */ value) => value]),
  );
}

/**
 * A statement under a name, parsed and planned once: PGlite's `query` parses, analyses and
 * plans it again on every call, which for a paid order's seven-CTE statement costs more than
 * running it. Uses PGlite's exported wire-protocol serializer and result parser.
 * @param {string} text
 * @param {unknown[]} params
 * @param {number[]} textTypes
 */
async function runPrepared(text, params, textTypes) {
  const { serialize } = protocol;
  // Both locks, as PGlite's own `query` takes them: never inside another caller's transaction.
  return pg._runExclusiveTransaction(() =>
    pg.runExclusive(async () => {
      let statement = preparedStatements.get(text);
      try {
        if (!statement) {
          const name = `repogrant_${preparedStatements.size + 1}`;
          await pg.execProtocol(serialize.parse({ name, text, types: [] }));
          const described = await pg.execProtocol(serialize.describe({ type: "S", name }));
          const description = described.messages.find((m) => m.name === "parameterDescription");
          statement = { name, paramTypes: description ? [...description.dataTypeIDs] : [] };
          preparedStatements.set(text, statement);
        }
        const { name, paramTypes } = statement;
        const values = params.map((value, i) => {
          if (value === null || value === undefined) return null;
          const serializer = pg.serializers[paramTypes[i] ?? 0];
          return serializer ? serializer(value) : String(value);
        });
        const { messages } = await pg.execProtocol(
          concat([
            serialize.bind({ statement: name, values }),
            serialize.describe({ type: "P" }),
            serialize.execute({}),
            serialize.sync(),
          ]),
        );
        const [result] = parse.parseResults(messages, pg.parsers, {
          rowMode: "object",
          parsers: textParsers(textTypes),
        });
        return result;
      } catch (error) {
        // An error leaves the extended protocol skipping to the next Sync.
        await pg.execProtocol(serialize.sync(), { throwOnError: false });
        throw error;
      }
    }),
  );
}

/** @param {Uint8Array[]} parts */
function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** @param {number} txId */
function begin(txId) {
  return new Promise((begun, failed) => {
    /** @type {(commit: boolean) => void} */
    let finish = () => {};
    const finished = new Promise((resolve) => (finish = resolve));
    const committed = pg.transaction(async (tx) => {
      transactions.set(txId, {
        tx,
        end: (commit) => {
          finish(commit);
          return committed;
        },
      });
      begun(undefined);
      // Rolling back by throwing keeps PGlite's bookkeeping in one place.
      if (!(await finished)) throw new RolledBack();
    });
    committed.then(
      () => transactions.delete(txId),
      (error) => {
        transactions.delete(txId);
        failed(error); // only matters when BEGIN itself failed
      },
    );
  });
}

class RolledBack extends Error {}

/** @param {any} request */
async function handle(request) {
  switch (request.op) {
    case "query": {
      const target = request.tx ? transactions.get(request.tx)?.tx : pg;
      if (!target) throw new Error(`transaction ${request.tx} is not open`);
      return target.query(request.text, request.params, {
        rowMode: request.rowMode,
        parsers: textParsers(request.textTypes),
      });
    }
    case "prepared":
      return runPrepared(request.text, request.params, request.textTypes);
    case "begin":
      return begin(request.tx);
    case "end": {
      const open = transactions.get(request.tx);
      if (!open) throw new Error(`transaction ${request.tx} is not open`);
      return open.end(request.commit).catch((error) => {
        if (!(error instanceof RolledBack)) throw error;
      });
    }
    case "close":
      await pg.close();
      return undefined;
    default:
      throw new Error(`unknown request ${request.op}`);
  }
}

/** @param {number} id @param {unknown} error */
function reject(id, error) {
  port.postMessage({ id, ok: false, error: serializeError(error) });
}

port.on("message", (request) => {
  handle(request).then(
    (value) => {
      try {
        port.postMessage({ id: request.id, ok: true, value });
      } catch (error) {
        reject(request.id, error); // a value that cannot be cloned must not stop the thread
      }
    },
    (error) => reject(request.id, error),
  );
});
