/** How the database is, as last seen. */
export interface StorageStatus {
  /** Reads: answered, failing, or not answering within the probe's time. */
  readonly read: "ok" | "failing" | "not_answering";
  /** Writes: taken, or why not (full disk, read-only, other failure, not answering). */
  readonly write: "ok" | "full" | "read_only" | "failing" | "not_answering";
  /** The SQLite file failed its integrity check (stays so until a restart after a repair or restore). */
  readonly damaged: boolean;
  /** Since when reads or writes have not been ok; null when they are. */
  readonly since: Date | null;
}

export interface StoreHealth {
  /** Whether an error is the database failing (full, damaged, unreachable…) rather than a fault of one request. */
  isFault(error: unknown): boolean;
  /** The status as last seen, without touching the database. */
  status(): StorageStatus;
  /** Read and write now (each bounded in time), and return the status that follows. */
  check(): Promise<StorageStatus>;
  /** SQLite's quick_check on a connection of its own: "damaged" is logged by the caller; null on PostgreSQL. */
  integrity(): Promise<"ok" | "damaged" | null>;
}
