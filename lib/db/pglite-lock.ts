import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";

export class DataDirInUseError extends Error {
  override name = "DataDirInUseError";
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(lockPath: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
    return Number.isFinite(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * PGlite does not lock its data directory: two processes writing to one silently lose rows.
 * We hold `<dir>.lock` (created exclusively, holding our pid) for as long as the database is
 * open, and take over a lock whose holder is dead.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = `${path.resolve(dataDir)}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        if (readHolder(lockPath) === process.pid) unlinkSync(lockPath);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(lockPath);
      if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
        throw new DataDirInUseError(
          `PGlite data directory ${dataDir} is in use by pid ${holder} (lock file ${lockPath}). ` +
            `Stop that process, or point DATA_DIR elsewhere, or set DATABASE_URL to use PostgreSQL.`,
        );
      }
      try {
        unlinkSync(lockPath);
      } catch {
        // Another process took over the stale lock first; the next attempt will tell.
      }
    }
  }
  throw new DataDirInUseError(`Could not take the lock on PGlite data directory ${dataDir}.`);
}
