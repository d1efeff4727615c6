import { randomUUID } from "node:crypto";
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";

export class DataDirInUseError extends Error {
  override name = "DataDirInUseError";
}

// Identifies this process incarnation: after a container restart our pid may equal the one in
// a stale lock (pid 1), and only the token tells that lock apart from one we hold ourselves.
const processToken = randomUUID();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(lockPath: string): { pid: number; token: string } | undefined {
  try {
    const [pidText, token = ""] = readFileSync(lockPath, "utf8").split("\n");
    const pid = Number.parseInt(pidText ?? "", 10);
    return Number.isFinite(pid) ? { pid, token } : undefined;
  } catch {
    return undefined;
  }
}

function heldByLiveProcess(holder: { pid: number; token: string }): boolean {
  if (holder.pid === process.pid) return holder.token === processToken;
  return isAlive(holder.pid);
}

/**
 * PGlite does not lock its data directory: two processes writing to one silently lose rows.
 * We hold `<dir>.lock` (created exclusively) for as long as the database is open, and take
 * over a lock whose holder is gone.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = `${path.resolve(dataDir)}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, `${process.pid}\n${processToken}`);
      closeSync(fd);
      return () => {
        if (readHolder(lockPath)?.token === processToken) unlinkSync(lockPath);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(lockPath);
      if (holder && heldByLiveProcess(holder)) {
        throw new DataDirInUseError(
          `PGlite data directory ${dataDir} is in use by pid ${holder.pid} (lock file ${lockPath}). ` +
            `Stop that process, point DATA_DIR elsewhere, or set DATABASE_URL to use PostgreSQL.`,
        );
      }
      try {
        unlinkSync(lockPath);
      } catch {
        // Another process removed the stale lock first; the next attempt will tell.
      }
    }
  }
  throw new DataDirInUseError(`Could not take the lock on PGlite data directory ${dataDir}.`);
}
