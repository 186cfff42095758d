import type { IndexScore, ItemScore } from "./results.js";

/** A unit's score before ranking; points in exact integer units. */
export interface Raw {
  readonly unitId: string;
  readonly items: readonly ItemScore[];
  readonly indices: readonly IndexScore[];
  /** Exact index points and applicable maxima, in units, by index position. */
  readonly indexUnits: readonly number[];
  readonly indexMaxUnits: readonly number[];
  readonly base: number;
  readonly bonus: number;
  readonly penalty: number;
  readonly total: number;
  readonly max: number;
  readonly missing: readonly string[];
  readonly invalid: readonly string[];
  readonly mergedFrom?: readonly string[];
}
