import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

export type Provider = "sqlite" | "postgres";

export const DEFAULT_SQLITE_URL = "file:./data/dti.db";

/** Which schema, migrations and client a database URL needs. */
export function providerOf(url: string): Provider {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgres" : "sqlite";
}

/**
 * The Prisma driver adapter for a URL: better-sqlite3 for `file:` URLs, pg for
 * PostgreSQL. Used by the service and by the Prisma CLI (prisma/*\/prisma.config.ts).
 */
export function createAdapter(provider: Provider, url: string | undefined): PrismaBetterSQLite3 | PrismaPg {
  if (provider === "postgres") {
    if (!url) throw new Error("DATABASE_URL must be a postgresql:// URL for the PostgreSQL schema");
    return new PrismaPg({ connectionString: url });
  }
  // better-sqlite3 waits up to 5 s for a lock instead of failing with SQLITE_BUSY.
  return new PrismaBetterSQLite3({ url: url ?? DEFAULT_SQLITE_URL, timeout: 5000 });
}
