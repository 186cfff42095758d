import { PrismaClient as PostgresClient } from "../generated/postgres/client.js";
import { Prisma, PrismaClient as SqliteClient } from "../generated/sqlite/client.js";
import type { StoreHealth } from "../bot/ports/storage-health.js";
import { createAdapter, providerOf, sqliteFile, type Provider } from "./adapter.js";
import { createStorageMonitor } from "./health.js";
import { watchAdapterFactory } from "./watch-adapter.js";
import { migrate } from "./migrate.js";

/**
 * Both generated clients have the same model API (one source of models), so
 * the repositories are written once against the SQLite client's types.
 */
export type Db = SqliteClient;
export { Prisma };
export type Tx = Prisma.TransactionClient;

export interface Database {
  readonly db: Db;
  readonly provider: Provider;
  readonly migrationsApplied: readonly string[];
  /** How the database is doing, learnt from every statement and from probes. */
  readonly health: StoreHealth;
}

/** Migrate (creating the SQLite file on first start) and connect, with every statement's outcome watched. */
export async function openDatabase(url: string): Promise<Database> {
  const provider = providerOf(url);
  const migrationsApplied = await migrate(provider, url);
  const monitor = createStorageMonitor();
  const adapter = watchAdapterFactory(createAdapter(provider, url), monitor.events);
  const db = provider === "postgres"
    ? (new PostgresClient({ adapter }) as unknown as Db)
    : new SqliteClient({ adapter });
  await db.$connect();
  return { db, provider, migrationsApplied, health: monitor.attach(db, provider === "sqlite" ? sqliteFile(url) : null) };
}
