import { PrismaClient as PostgresClient } from "../generated/postgres/client.js";
import { Prisma, PrismaClient as SqliteClient } from "../generated/sqlite/client.js";
import { createAdapter, providerOf, type Provider } from "./adapter.js";
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
}

/** Migrate (creating the SQLite file on first start) and connect. */
export async function openDatabase(url: string): Promise<Database> {
  const provider = providerOf(url);
  const migrationsApplied = await migrate(provider, url);
  const adapter = createAdapter(provider, url);
  const db = provider === "postgres"
    ? (new PostgresClient({ adapter }) as unknown as Db)
    : new SqliteClient({ adapter });
  await db.$connect();
  return { db, provider, migrationsApplied };
}
