/**
 * Locks shared by every instance of a deployment: one sender of queued
 * messages, one refresher of the Zalo tokens.
 */
export interface Locks {
  /** Run `work` holding the named lock; waits for another holder (a minute at most, then LOCK_BUSY). */
  withLock<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Take the named lock for as long as it is wanted, if no one holds it; null while someone does. */
  tryHold(name: string): Promise<HeldLock | null>;
}

export interface HeldLock {
  /** False once the lock is lost (its connection died) or released: stop what it guarded at once. */
  held(): boolean;
  /** Resolves when the lock is lost or released. */
  readonly lost: Promise<void>;
  /**
   * On PostgreSQL, the server session that holds it: a write made under the lock can check that the lock is
   * still held by that session, so a holder that lost it cannot write (fencing by the database). Null in one process.
   */
  readonly fence: LockFence | null;
  release(): Promise<void>;
}

/** An advisory lock as pg_locks lists it: the holder's backend pid and the two keys. */
export interface LockFence {
  readonly backendPid: number;
  readonly classId: number;
  readonly objId: number;
}
