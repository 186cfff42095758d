/** How the database is, as last seen. */
export interface StorageStatus {
  /** Reads: answered, or why not (an I/O error, the server cannot be reached, no answer within the probe's time). */
  readonly read: "ok" | "io_error" | "unreachable" | "failing" | "not_answering";
  /** Writes: taken, or why not (full disk, read-only, an I/O error, the server cannot be reached, other, no answer). */
  readonly write: "ok" | "full" | "read_only" | "io_error" | "unreachable" | "failing" | "not_answering";
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
