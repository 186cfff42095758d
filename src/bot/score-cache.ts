import type { Catalog } from "../rulesets/index.js";
import { scorePeriod, type PeriodScoresOutcome } from "./period-scores.js";
import type { Store } from "./ports/store.js";

export interface ScoreCache {
  /** The period's scores, recomputed only when a figure changed since the last time. */
  get(periodId: number): Promise<PeriodScoresOutcome>;
}

/**
 * Scores are asked for far more often than figures change (every /diem, every
 * preview), so a period is scored once per change. The key is the period's
 * figure version, bumped in the database with every write, so another
 * instance's writes are seen too.
 */
export function createScoreCache(deps: { store: Store; catalog: Catalog }): ScoreCache {
  const cache = new Map<number, { key: number; outcome: Promise<PeriodScoresOutcome> }>();
  return {
    async get(periodId) {
      const key = await deps.store.figures.version(periodId);
      const hit = cache.get(periodId);
      if (hit && hit.key === key) return hit.outcome;
      // Concurrent askers share one computation.
      const outcome = scorePeriod(deps, periodId);
      cache.set(periodId, { key, outcome });
      outcome.catch(() => cache.delete(periodId));
      return outcome;
    },
  };
}
