import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import type { StorageStatus, StoreHealth } from "../bot/ports/storage-health.js";
import type { Db } from "./client.js";
import { storageFaultOf, type StorageFault } from "./faults.js";
import type { AdapterEvents } from "./watch-adapter.js";

/** How long a probe may take before the database counts as not answering. */
const PROBE_TIMEOUT_MS = 5_000;
/** A key no real lease uses: the write probe takes and gives it back in one transaction. */
const PROBE_ROW = "health-probe";
/**
 * What the write probe writes: as much as a sizeable write of the bot (a batch of figures with their
 * history), so a database with room only for a few bytes counts as full.
 */
const PROBE_BYTES = 64 * 1024;

type WriteState = StorageStatus["write"];
type ReadState = StorageStatus["read"];
const WRITE_STATE: Record<StorageFault, WriteState> = {
  full: "full", read_only: "read_only", damaged: "failing", io: "io_error", unreachable: "unreachable",
};
/** A failed read, by fault; null: the fault says nothing about reads (a full disk still reads). */
const READ_STATE: Record<StorageFault, ReadState | null> = { full: null, read_only: null, damaged: "failing", io: null, unreachable: "unreachable" };

export interface StorageMonitor {
  /** Fed by the watched driver adapter. */
  readonly events: AdapterEvents;
  /** Once the client exists: the health port over it. `sqliteFile` is the file to check (SQLite only). */
  attach(db: Db, sqliteFile: string | null): StoreHealth;
}

class ProbeTimeout extends Error {}

/** How long after a storage fault a "transaction already closed" error is taken as its echo. */
const ECHO_MS = 5_000;
/**
 * Prisma's own words when a write it wrapped in a transaction lost its COMMIT (a full disk): it then tries to roll
 * back what it had marked committed, and reports that instead of the cause.
 */
const CLOSED_TRANSACTION = /Transaction already closed|P2028/i;

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeTimeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * What the store knows about its database: every statement's outcome (from
 * the watched adapter), probes that read and write on request, and SQLite's
 * integrity check. A failed write marks writes failing until one succeeds
 * again, which is how the service notices by itself that space came back.
 */
export function createStorageMonitor(): StorageMonitor {
  let write: WriteState = "ok";
  let read: StorageStatus["read"] = "ok";
  let damaged = false;
  let since: Date | null = null;
  let lastFaultAt = 0;
  const settle = () => {
    if (read === "ok" && write === "ok") since = null;
    else since ??= new Date();
  };
  const events: AdapterEvents = {
    answered() {
      if (read === "ok") return;
      read = "ok";
      settle();
    },
    wrote() {
      write = "ok";
      settle();
    },
    failed(fault) {
      lastFaultAt = Date.now();
      read = READ_STATE[fault] ?? read;
      write = WRITE_STATE[fault];
      if (fault === "damaged") damaged = true;
      settle();
    },
  };
  return {
    events,
    attach(db, sqliteFile) {
      let probing: Promise<StorageStatus> | null = null;
      const probe = async (): Promise<StorageStatus> => {
        try {
          await within(db.$queryRawUnsafe("SELECT 1"), PROBE_TIMEOUT_MS);
          read = "ok";
        } catch (error) {
          const fault = storageFaultOf(error);
          read = error instanceof ProbeTimeout ? "not_answering" : fault === "io" ? "io_error" : fault === "unreachable" ? "unreachable" : "failing";
        }
        try {
          // A real write, in a transaction as the bot's own writes are: a full disk, a stuck transaction or a
          // read-only file all show here. Taken and given back, so it leaves nothing behind.
          await within(db.$transaction(async (tx) => {
            const holder = "probe".padEnd(PROBE_BYTES, ".");
            await tx.writeProbe.upsert({
              where: { name: PROBE_ROW },
              create: { name: PROBE_ROW, filler: holder, writtenAt: new Date(0) },
              update: { filler: holder, writtenAt: new Date(0) },
            });
            await tx.writeProbe.delete({ where: { name: PROBE_ROW } });
          }), PROBE_TIMEOUT_MS);
          write = "ok";
        } catch (error) {
          const fault = storageFaultOf(error);
          write = error instanceof ProbeTimeout ? "not_answering" : fault ? WRITE_STATE[fault] : "failing";
          if (fault === "damaged") damaged = true;
        }
        settle();
        return health.status();
      };
      const health: StoreHealth = {
        isFault: (error) => storageFaultOf(error) !== null || error instanceof ProbeTimeout
          || (CLOSED_TRANSACTION.test(String((error as Error | null)?.message ?? error)) && Date.now() - lastFaultAt < ECHO_MS),
        status: () => ({ read, write, damaged, since }),
        check() {
          // One probe at a time: a database that does not answer is not asked again and again meanwhile.
          probing ??= probe().finally(() => {
            probing = null;
          });
          return probing;
        },
        async integrity() {
          if (!sqliteFile) return null;
          if (!existsSync(sqliteFile)) {
            damaged = true;
            return "damaged";
          }
          let connection: Database.Database | null = null;
          try {
            // A connection of its own reads the file as it is on disk, not pages the bot's connection has cached.
            connection = new Database(sqliteFile, { readonly: true, fileMustExist: true, timeout: PROBE_TIMEOUT_MS });
            const result = connection.pragma("quick_check", { simple: true });
            if (result !== "ok") damaged = true;
          } catch (error) {
            const fault = storageFaultOf(error);
            if (fault === "damaged") damaged = true;
            else if (!fault) throw error;
          } finally {
            connection?.close();
          }
          return damaged ? "damaged" : "ok";
        },
      };
      return health;
    },
  };
}
