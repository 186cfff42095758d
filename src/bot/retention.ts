import type { Store } from "./ports/store.js";

const DAY_MS = 86_400_000;
/** Job runs are kept this long (they say which instance ran what, for an operator's questions). */
const JOB_RUN_DAYS = 90;
/** Spent or expired confirmations (a figure batch waiting for a tap) are kept this long after they expired. */
const CONFIRMATION_DAYS = 30;

/**
 * The daily clean-up: raw chat updates (people's names and what they wrote,
 * as received) after `updatesDays`, job runs after 90 days, expired
 * confirmations after 30. Figures and their history, evidence records and
 * the audit log are kept: they are the evaluation's record.
 */
export async function pruneOldRecords(
  store: Pick<Store, "inbox" | "coordination" | "pending">, now: Date, options: { updatesDays: number },
): Promise<{ updates: number; jobRuns: number; confirmations: number }> {
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return {
    updates: await store.inbox.prune(ago(options.updatesDays)),
    jobRuns: await store.coordination.pruneRuns(ago(JOB_RUN_DAYS)),
    confirmations: await store.pending.prune(ago(CONFIRMATION_DAYS)),
  };
}
