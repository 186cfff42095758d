import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { sqliteFile, type Provider } from "./adapter.js";

/**
 * Applies the checked-in migrations (prisma/<provider>/migrations) on start.
 *
 * Written here rather than spawning `prisma migrate deploy` because the CLI
 * loads its Wasm schema engine on every run and, through the pg adapter,
 * stays alive ~10 s after finishing; the service and every test database
 * would pay that. The bookkeeping is Prisma's own `_prisma_migrations` table
 * (same columns, sha256 checksums), so `prisma migrate status|deploy` agree
 * with what this applied. One instance migrates at a time: an advisory lock
 * on PostgreSQL, BEGIN IMMEDIATE on SQLite.
 */

export const MIGRATIONS_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "prisma");

/** Prisma's migration lock key, so the CLI and this wait for each other. */
const ADVISORY_LOCK_KEY = 72707369;

interface Migration {
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export function listMigrations(provider: Provider, root = MIGRATIONS_ROOT): Migration[] {
  const dir = join(root, provider, "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const POSTGRES_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

function migrateSqlite(url: string, migrations: readonly Migration[]): string[] {
  const file = sqliteFile(url);
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    // WAL lets readers work while one writer writes; it is a property of the file and persists.
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    db.exec(SQLITE_TABLE);
    // Prisma's table redefinitions (copy, DROP, rename) must not fire ON DELETE actions, and
    // foreign keys can only be switched off outside a transaction; they are checked before commit.
    db.pragma("foreign_keys = OFF");
    const applied: string[] = [];
    const run = db.transaction(() => {
      const done = new Set(
        db.prepare(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
          .all().map((r) => (r as { migration_name: string }).migration_name),
      );
      for (const m of migrations.filter((x) => !done.has(x.name))) {
        const started = new Date().toISOString();
        db.exec(m.sql);
        db.prepare(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
          VALUES (?, ?, ?, ?, ?, 1)`).run(randomUUID(), m.checksum, new Date().toISOString(), m.name, started);
        applied.push(m.name);
      }
      const broken = db.pragma("foreign_key_check") as unknown[];
      if (broken.length > 0) throw new Error(`migrations left ${broken.length} broken foreign key(s): ${JSON.stringify(broken.slice(0, 5))}`);
    });
    run.immediate();
    db.pragma("foreign_keys = ON");
    return applied;
  } finally {
    db.close();
  }
}

/** How long connecting to PostgreSQL may take before the start fails (and says why). */
export const CONNECT_TIMEOUT_MS = 15_000;

async function migratePostgres(url: string, migrations: readonly Migration[]): Promise<string[]> {
  // A server that takes the connection and never answers must not keep the start waiting without end.
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    await client.query(POSTGRES_TABLE);
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Set(rows.map((r) => r.migration_name));
    const applied: string[] = [];
    for (const m of migrations.filter((x) => !done.has(x.name))) {
      const started = new Date();
      await client.query("BEGIN");
      try {
        await client.query(m.sql); // simple query protocol: several statements at once
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), m.checksum, m.name, started],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${m.name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/** Apply pending migrations; returns the names applied (empty when up to date). */
export async function migrate(provider: Provider, url: string, root = MIGRATIONS_ROOT): Promise<string[]> {
  const migrations = listMigrations(provider, root);
  return provider === "postgres" ? migratePostgres(url, migrations) : migrateSqlite(url, migrations);
}
