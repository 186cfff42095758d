import { describe, expect, it } from "vitest";
import { createReader, loadQuestions, loadRequests, scoreQuestions, scoreRequests } from "../../bench/qa.js";

/**
 * Floors on how well the bot reads what people write, measured on the
 * question sets in test/fixtures/qa (written before any tuning; the
 * "holdout" parts were never tuned on). `npm run bench -- qa` prints the
 * full picture; this only keeps it from sliding back.
 */
const read = createReader();
const pct = (n: number, d: number) => (100 * n) / d;

describe("reading indicator questions as officers write them", () => {
  it.each([
    ["commune", "tune", 95], ["commune", "holdout", 85], ["department", "tune", 94], ["department", "holdout", 89],
  ] as const)("%s (%s): the right item first in at least %i percent of questions, no confident card for questions no item covers", (set, split, floor) => {
    const { ruleset, questions } = loadQuestions(set, split);
    const { score } = scoreQuestions(read, ruleset, questions);
    expect(pct(score.top1, score.total)).toBeGreaterThanOrEqual(floor);
    expect(pct(score.noneHandled, score.noneTotal)).toBeGreaterThanOrEqual(95);
    expect(score.confidentWrong).toBeLessThanOrEqual(split === "tune" ? 0 : 2);
  });
});

describe("routing free-text requests to the bot's actions", () => {
  it.each([["tune", 94], ["holdout", 88]] as const)("%s: at least %i percent go to the right action", (split, floor) => {
    const { right, total } = scoreRequests(read, loadRequests(split));
    expect(pct(right, total)).toBeGreaterThanOrEqual(floor);
  });
});
