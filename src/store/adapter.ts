import { dirname, isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

/** The project folder: relative SQLite paths are taken from here, whatever folder a command runs in. */
export const APP_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export type Provider = "sqlite" | "postgres";

export const DEFAULT_SQLITE_URL = "file:./data/dti.db";

/** Which schema, migrations and client a database URL needs. */
export function providerOf(url: string): Provider {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgres" : "sqlite";
}

/**
 * The file of a `file:` SQLite URL, absolute. Options after "?" are not part
 * of the path; a relative path is relative to the project folder, so the
 * service and `dti` run from anywhere open the same database.
 */
export function sqliteFile(url: string): string {
  const path = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return isAbsolute(path) ? path : join(APP_ROOT, path);
}

/**
 * The Prisma driver adapter for a URL: better-sqlite3 for `file:` URLs, pg for
 * PostgreSQL. Used by the service and by the Prisma CLI (prisma/*\/prisma.config.ts).
 */
export function createAdapter(provider: Provider, url: string | undefined): PrismaBetterSQLite3 | PrismaPg {
  if (provider === "postgres") {
    if (!url) throw new Error("DATABASE_URL must be a postgresql:// URL for the PostgreSQL schema");
    return new PrismaPg({ connectionString: url, connectionTimeoutMillis: 15_000 });
  }
  // better-sqlite3 waits up to 5 s for a lock instead of failing with SQLITE_BUSY.
  return new PrismaBetterSQLite3({ url: `file:${sqliteFile(url ?? DEFAULT_SQLITE_URL)}`, timeout: 5000 });
}
