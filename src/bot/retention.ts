import type { Store } from "./ports/store.js";

const DAY_MS = 86_400_000;
/** Spent or expired confirmations (a figure batch waiting for a tap) are kept this long after they expired. */
const CONFIRMATION_DAYS = 30;

/**
 * The daily clean-up: raw chat updates (people's names and what they wrote,
 * as received) after `updatesDays`, expired confirmations after 30 days.
 * Figures and their history, evidence records and the audit log are kept:
 * they are the evaluation's record. (Finished queue jobs on PostgreSQL are
 * pg-boss's to delete, by its retention settings.)
 */
export async function pruneOldRecords(
  store: Pick<Store, "inbox" | "pending">, now: Date, options: { updatesDays: number },
): Promise<{ updates: number; confirmations: number }> {
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return {
    updates: await store.inbox.prune(ago(options.updatesDays)),
    confirmations: await store.pending.prune(ago(CONFIRMATION_DAYS)),
  };
}
