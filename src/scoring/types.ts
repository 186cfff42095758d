import type { Q, RoundingMode } from "./exact.js";

/** Kinds of evaluated units. Districts exist only for cycles before 1/7/2025. */
export type UnitKind = "department" | "central_agency" | "district" | "commune" | "province" | "ministry";

/** What an officer types for an item. */
export type InputKind =
  | "percent" // 85%, also a/b
  | "fraction" // a/b, also 85%
  | "count" // whole number
  | "yes_no" // có / không
  | "choice" // one of the rule's levels, or several of its parts
  | "money" // VND
  | "points" // points assigned directly (self or reviewer)
  | "index_value"; // a published index value between 0 and 1

/** A level (full / half / zero …) or an additive part. */
export interface Option {
  readonly id: string;
  readonly label: string;
  readonly aliases: readonly string[];
  readonly points: number;
}

export interface Tier {
  /** Lower bound, inclusive, in the item's input unit (a count, a percent, VND). */
  readonly atLeast: number;
  readonly points: number;
}

/**
 * How a figure becomes points. Every rule type seen in real sets
 * (dti-research.md §6.3). "Đặc thù" is not a rule but an applicability flag
 * on the item; bonus and penalty are an item's `effect`.
 */
export type Rule =
  /**
   * a/b × max, or full marks once the share reaches `fullAt` (0–1), below it
   * share ÷ fullAt × max (`below: scaled`, the default) or share × max
   * (`below: ratio`); nothing below `floor` (a floor of 1: all or nothing);
   * `emptyFull`: no cases at all (0/0) counts as full.
   */
  | {
    readonly type: "ratio"; readonly fullAt?: number; readonly below?: "scaled" | "ratio"; readonly floor?: number; readonly emptyFull?: boolean;
  }
  /** Yes gives `yesPoints` (default: max), no gives 0. */
  | { readonly type: "yes_no"; readonly yesPoints?: number }
  /** The highest tier whose `atLeast` the figure reaches. */
  | { readonly type: "tiers"; readonly tiers: readonly Tier[] }
  /** One level chosen (full / half / zero by role). */
  | { readonly type: "levels"; readonly levels: readonly Option[] }
  /** Independent parts, each worth its points; the sum is the max. `proportional`: the share of parts done × max. */
  | { readonly type: "parts"; readonly parts: readonly Option[]; readonly proportional?: boolean }
  /** Periodic reports (a/b: a on time of b sent): `onTime` points each, `late` each late one, none for one missing. */
  | { readonly type: "per_report"; readonly reports: number; readonly onTime: number; readonly late: number }
  /** `each` points per counted thing, up to `cap` (default: max). */
  | { readonly type: "per_item"; readonly each: number; readonly cap?: number }
  /** figure ÷ best figure in the group × max. */
  | { readonly type: "normalise_to_best" }
  /** Collected for information, worth nothing. */
  | { readonly type: "not_scored" }
  /** Points given directly (by the reviewer, or self-assessed before review). */
  | { readonly type: "assigned" };

export type RuleType = Rule["type"];

export type Effect = "base" | "bonus" | "penalty";

export interface InputSpec {
  readonly kind: InputKind;
  /** Display unit, e.g. "cuộc họp", "đồng". */
  readonly unit?: string;
  /** Upper bound for counts, money and points when the rule implies none. */
  readonly max?: number;
}

export interface NotApplicable {
  /** A unit may claim "đặc thù" for this item (with evidence). */
  readonly allowed: boolean;
  /** Unit tags for which the item is always "đặc thù" (e.g. units without administrative procedures). */
  readonly automaticFor: readonly string[];
}

/** A main index (depth 0), sub-indicator (depth 1) or criterion (depth 2). */
export interface RulesetNode {
  readonly code: string;
  readonly name: string;
  readonly depth: number;
  /** What it measures, in plain Vietnamese. */
  readonly measures?: string;
  readonly howToCount?: string;
  readonly evidence?: string;
  readonly evidenceRequired: boolean;
  readonly keywords: readonly string[];
  readonly synonyms: readonly string[];
  /** Null where the public text does not give it (structure rulesets). */
  readonly maxPoints: number | null;
  readonly input?: InputSpec;
  readonly rule?: Rule;
  readonly effect: Effect;
  readonly notApplicable: NotApplicable;
  /** True when the rule was inferred from the item's wording, not read in a decision. */
  readonly inferred: boolean;
  /** Set by the import where the rule was not understood for certain: a person must review it. */
  readonly ruleCheck?: "uncertain" | "unrecognised";
  readonly note?: string;
  /** Declared number of sub-indicators where the tree below is not public. */
  readonly declaredChildren?: number;
  readonly children: readonly RulesetNode[];
}

export interface Band {
  readonly id: string;
  readonly name: string;
  /** Inclusive lower bound on the classification scale. */
  readonly from: number;
  /** Exclusive upper bound; absent for the top band. */
  readonly below?: number;
}

export interface Classification {
  /** Bands apply to value × scale (100: a percentage of the applicable maximum). */
  readonly scale: number;
  /** Highest band first. */
  readonly bands: readonly Band[];
}

export interface Rounding {
  /** Decimals kept for points; items are rounded, totals are exact sums. */
  readonly digits: number;
  /** Decimals shown for values (points ÷ maximum), e.g. 4 for 0,5934. */
  readonly valueDigits: number;
  readonly mode: RoundingMode;
}

/** A recurring day of the evaluation cycle: day/month of (evaluation year + yearOffset). */
export interface CycleDate {
  readonly day: number;
  readonly month: number;
  readonly yearOffset: number;
}

export type DeadlineKind = "submission" | "leader_approval" | "review" | "appeal" | "publication" | "ruleset_update";

export interface Deadline {
  readonly kind: DeadlineKind;
  readonly date: CycleDate;
  readonly note?: string;
}

export interface ProcessFacts {
  /** Period the reported figures cover. */
  readonly dataWindow?: { readonly from: CycleDate; readonly to: CycleDate };
  readonly deadlines: readonly Deadline[];
  readonly notes: readonly string[];
}

export interface Decision {
  readonly number?: string;
  /** ISO date (yyyy-mm-dd). */
  readonly date?: string;
  readonly signer?: string;
  readonly signerTitle?: string;
  readonly issuer?: string;
}

export interface Ruleset {
  readonly id: string;
  readonly title: string;
  readonly province: { readonly code: string; readonly name: string };
  readonly decision: Decision | null;
  readonly version: string;
  readonly unitKinds: readonly UnitKind[];
  /** Sum of base maxima; null where no public text states it. */
  readonly totalPoints: number | null;
  /** `structure`: only main indices and totals are public; the set cannot score. */
  readonly completeness: "full" | "structure";
  /** Built for demonstration from real indicator names; not a published set. */
  readonly illustrative: boolean;
  /** Imported and not yet reviewed: it may be shown and tried, never attached to a period. */
  readonly draft: boolean;
  /** Historical: for a unit level that no longer exists (districts before 1/7/2025). */
  readonly historical: boolean;
  readonly summary?: string;
  readonly declared: { readonly mainIndices?: number; readonly subIndicators?: number; readonly criteria?: number };
  readonly sources: readonly { readonly ref: string; readonly note?: string }[];
  readonly notes: readonly string[];
  readonly indices: readonly RulesetNode[];
  readonly classification: Classification | null;
  readonly rounding: Rounding;
  readonly adjustments: { readonly bonusCap: number | null; readonly penaltyCap: number | null };
  readonly process: ProcessFacts;
}

/** A parsed figure. Shares are fractions of 1 (85% = 17/20). */
export type Figure =
  | { readonly kind: "share"; readonly value: Q; readonly a?: number; readonly b?: number }
  | { readonly kind: "amount"; readonly value: Q }
  | { readonly kind: "yes_no"; readonly yes: boolean }
  | { readonly kind: "choice"; readonly ids: readonly string[] }
  | { readonly kind: "not_applicable" };
