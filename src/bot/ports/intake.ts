/**
 * Incoming updates on PostgreSQL: each is recorded and queued in one
 * transaction, and handled by whichever instance is free, one at a time and
 * in order for each chat (pg-boss's key_strict_fifo queue). A handler that
 * dies is retried elsewhere; nothing is swept up by timers of our own.
 */
export interface UpdateIntake {
  /** Record an update and queue it; "done" when it was handled before (a platform sending it again). */
  accept(channel: string, externalId: string, payload: string, chat: string, now: Date): Promise<"new" | "unfinished" | "done">;
  /** Handle this channel's queued updates on this instance until the intake stops. */
  serve(channel: string, handle: (payload: string) => Promise<void>): Promise<void>;
}

/** A connection or transaction that runs SQL text with $n values (pg-boss's own database interface). */
export interface SqlRunner {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}
