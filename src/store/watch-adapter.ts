import { storageFaultOf, type StorageFault } from "./faults.js";

/** What the store learns from every statement: a write went through, or the database failed. */
export interface AdapterEvents {
  /** A statement was answered: the database is reachable. */
  answered(): void;
  wrote(): void;
  failed(fault: StorageFault): void;
}

/** The parts of Prisma's driver adapter interfaces used here (the two adapters ship different versions of the types). */
interface Query { readonly sql: string }
interface Queryable {
  queryRaw(query: Query): Promise<unknown>;
  executeRaw(query: Query): Promise<number>;
}
interface Transaction extends Queryable {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}
interface Adapter extends Queryable {
  readonly provider: string;
  startTransaction(...args: unknown[]): Promise<Transaction>;
}
interface Factory {
  connect(): Promise<Adapter>;
}
/** better-sqlite3's connection, as the SQLite adapter keeps it. */
interface SqliteConnection {
  readonly inTransaction: boolean;
  exec(sql: string): unknown;
}

const WRITE = /^\s*(INSERT|UPDATE|DELETE|REPLACE|UPSERT|CREATE|DROP|ALTER)\b/i;
const isCommit = (q: Query) => /^\s*COMMIT\b/i.test(q.sql);
const isRollback = (q: Query) => /^\s*ROLLBACK\b/i.test(q.sql);

/** An object whose chosen methods are replaced; everything else is the original's, bound to it (adapters keep private fields). */
function override<T extends object>(target: T, methods: Partial<T>): T {
  return new Proxy(target, {
    get(t, property) {
      if (property in methods) return methods[property as keyof T];
      const value = Reflect.get(t, property, t) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(t) : value;
    },
  });
}

/** Run a statement, telling the events what it showed about the database. */
async function observed<T>(events: AdapterEvents, query: Query, run: () => Promise<T>, countsAsWrite: boolean): Promise<T> {
  try {
    const result = await run();
    events.answered();
    if (countsAsWrite) events.wrote();
    return result;
  } catch (error) {
    const fault = storageFaultOf(error);
    if (fault) events.failed(fault);
    throw error;
  }
}

/**
 * A transaction that never leaves the connection stuck. The SQLite adapter's
 * commit() and rollback() only release its lock, and Prisma sends COMMIT
 * and ROLLBACK as statements before calling them: when the COMMIT statement
 * fails (a full disk at commit, SQLITE_BUSY), neither is called, the lock
 * is never released and every later transaction waits forever
 * (prisma/orm#29933, open in 6.19 and 7.10). Here a failed COMMIT rolls back
 * what is left of the transaction and releases the lock before the error
 * goes on; a ROLLBACK of a transaction SQLite already ended counts as done.
 */
function watchTransaction(tx: Transaction, events: AdapterEvents, connection: SqliteConnection | null): Transaction {
  const run = (query: Query, original: () => Promise<number>): Promise<number> => {
    if (isCommit(query)) {
      return observed(events, query, original, true).catch(async (error: unknown) => {
        if (connection?.inTransaction) {
          try {
            connection.exec("ROLLBACK");
          } catch {
            // The connection is closing or broken: releasing the lock is all that is left to do.
          }
        }
        await tx.rollback();
        throw error;
      });
    }
    if (isRollback(query) && connection) {
      return original().catch(async (error: unknown) => {
        if (connection.inTransaction) throw error;
        // SQLite rolled the transaction back itself (a full disk, an I/O error): nothing is left to undo.
        await tx.rollback();
        return 0;
      });
    }
    return observed(events, query, original, false);
  };
  return override(tx, {
    executeRaw: (query: Query) => run(query, () => tx.executeRaw(query)),
    queryRaw: (query: Query) => observed(events, query, () => tx.queryRaw(query), false),
  });
}

function watchAdapter(adapter: Adapter, events: AdapterEvents): Adapter {
  const client = (adapter as unknown as { client?: unknown }).client;
  const connection = adapter.provider === "sqlite" && client && typeof client === "object" && "inTransaction" in client
    ? client as SqliteConnection
    : null;
  return override(adapter, {
    queryRaw: (query: Query) => observed(events, query, () => adapter.queryRaw(query), WRITE.test(query.sql)),
    executeRaw: (query: Query) => observed(events, query, () => adapter.executeRaw(query), WRITE.test(query.sql)),
    startTransaction: async (...args: unknown[]) => {
      const tx = await adapter.startTransaction(...args).catch((error: unknown) => {
        const fault = storageFaultOf(error);
        if (fault) events.failed(fault);
        throw error;
      });
      return watchTransaction(tx, events, connection);
    },
  });
}

/**
 * The driver adapter factory, with every connection watched: each write's
 * outcome reaches `events` (so readiness knows whether the database takes
 * writes now), and SQLite transactions recover from a failed COMMIT.
 */
export function watchAdapterFactory<F extends object>(factory: F, events: AdapterEvents): F {
  const f = factory as unknown as Factory;
  return override(factory, { connect: async () => watchAdapter(await f.connect(), events) } as unknown as Partial<F>);
}
