/**
 * The shared scoring module: pure, exact, no I/O and no clock. Everything
 * that shows a score (chat answers, reminders, alerts, exports) calls this.
 */
export type {
  Band, Classification, CycleDate, Deadline, DeadlineKind, Decision, Effect, Figure, InputKind, InputSpec,
  NotApplicable, Option, ProcessFacts, Rounding, Rule, RuleType, Ruleset, RulesetNode, Tier, UnitKind,
} from "./types.js";
export type {
  GroupResult, IndexScore, InvalidReason, ItemDetail, ItemMove, ItemScore, ItemStatus, PreviousUnit, RankChange,
  ScoreOutcome, UnitScore,
} from "./results.js";
export { q, qFromDecimal, qToNumber, toUnits, fromUnits, type Q, type RoundingMode } from "./exact.js";
export { fold } from "./fold.js";
export { walk } from "./compile.js";
export { scoreGroup, type ScoreOptions, type UnitInput } from "./engine.js";
export type { Merger } from "./merge.js";
export { itemMoves } from "./change.js";
export { nextClassGap, type ClassGap, type GapItem } from "./gap.js";
export { whatIf, type WhatIf, type WhatIfOutcome } from "./what-if.js";
export { parseFigure, type ParseError, type ParseResult } from "./parse-figure.js";
export { readNumber, type NumberReading } from "./parse-number.js";
export { explainItem, describeRule, inputWords, type Explanation } from "./explain.js";
