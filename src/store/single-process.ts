import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { sqliteFile } from "./adapter.js";

/** The embedded database's guard: held for the life of the process, gone with it (also after kill -9). */
export interface ProcessLock {
  release(): void;
}

/**
 * In embedded mode (SQLite) exactly one service process may run on a
 * database. The guard is an exclusive lock SQLite takes on a file beside it
 * (`dti.db.lock`): the operating system drops it when the process ends, however
 * it ends, so a restart after a crash starts at once. Null when another
 * process holds it.
 */
export function holdEmbeddedDatabase(url: string): ProcessLock | null {
  const file = `${sqliteFile(url)}.lock`;
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === "SQLITE_BUSY") return null;
    throw error;
  }
  return {
    release() {
      try {
        db.exec("ROLLBACK");
      } finally {
        db.close();
      }
    },
  };
}
