import type { Db, Tx } from "./client.js";
import { retrying } from "./retry.js";

/** An interactive transaction, retried when a concurrent writer made it fail transiently. */
export function transact<T>(db: Db, work: (tx: Tx) => Promise<T>, options?: { timeout?: number; maxWait?: number }): Promise<T> {
  return retrying(() => db.$transaction(work, options));
}
