import type { Effect, Figure } from "./types.js";

export type ItemStatus =
  | "scored"
  | "missing" // no figure: scores zero, listed, never guessed
  | "not_applicable" // "đặc thù": leaves the unit's maximum
  | "not_scored" // collected for information
  | "invalid"; // a figure the rule cannot use: scores zero, listed

/** Why an item scored what it did; enough to explain it in one line. */
export type ItemDetail =
  | { readonly kind: "ratio"; readonly capped: boolean }
  | { readonly kind: "tier"; readonly atLeast: number | null }
  | { readonly kind: "options"; readonly ids: readonly string[] }
  | { readonly kind: "per_item"; readonly capped: boolean }
  | { readonly kind: "normalised"; readonly best: number }
  | { readonly kind: "plain" }
  /** Points set by a reviewer in place of the rule. */
  | { readonly kind: "reviewed_points" }
  | { readonly kind: "invalid"; readonly reason: InvalidReason };

export type InvalidReason = "figure_kind" | "unknown_option" | "out_of_range" | "not_applicable_refused";

export interface ItemScore {
  readonly code: string;
  readonly status: ItemStatus;
  /** Rounded to the ruleset's digits. Penalties are positive here and subtracted in the total. */
  readonly points: number;
  /** The item's maximum (0 when not applicable or not scored). */
  readonly max: number;
  readonly effect: Effect;
  readonly figure?: Figure;
  readonly detail?: ItemDetail;
}

export interface IndexScore {
  readonly code: string;
  readonly name: string;
  /** Base points, then adjustments belonging to this index. */
  readonly points: number;
  /** Applicable maximum of the index for this unit. */
  readonly max: number;
  /** points ÷ max, rounded to the ruleset's value digits; null when max is 0. */
  readonly value: number | null;
}

export interface ItemMove {
  readonly code: string;
  readonly delta: number;
}

export interface RankChange {
  readonly previousRank: number;
  /** Positive: moved up that many places. */
  readonly places: number;
  readonly previousTotal: number;
  readonly totalDelta: number;
  /** Items whose points changed most, largest effect first. */
  readonly movers: readonly ItemMove[];
}

export interface UnitScore {
  readonly unitId: string;
  readonly items: readonly ItemScore[];
  readonly indices: readonly IndexScore[];
  readonly basePoints: number;
  readonly bonusPoints: number;
  readonly penaltyPoints: number;
  /** base + capped bonus − capped penalty, never below 0. */
  readonly total: number;
  /** Sum of the maxima of the base items that apply to this unit. */
  readonly applicableMax: number;
  /** total ÷ applicableMax, rounded to the ruleset's value digits. */
  readonly value: number;
  readonly classId: string | null;
  readonly className: string | null;
  /** Competition rank in the group: ties share a rank (1, 2, 2, 4). */
  readonly rank: number;
  readonly change: RankChange | null;
  /** Codes of base items with no figure (bonus and penalty items without one count as none). */
  readonly missing: readonly string[];
  /** Codes of items whose figure the rule could not use. */
  readonly invalid: readonly string[];
  /** For a unit formed by merger: its predecessors, whose main-index values it averages. */
  readonly mergedFrom?: readonly string[];
}

export interface GroupResult {
  readonly rulesetId: string;
  /** Best first; ties keep the input order. */
  readonly units: readonly UnitScore[];
}

/** A previous result, as a snapshot keeps it. */
export interface PreviousUnit {
  readonly unitId: string;
  readonly rank: number;
  readonly total: number;
  readonly items?: readonly { readonly code: string; readonly points: number; readonly effect?: Effect }[];
}

export type ScoreOutcome =
  | { readonly ok: true; readonly result: GroupResult }
  | { readonly ok: false; readonly reason: "structure_only"; readonly rulesetId: string };
