import type { Leaf } from "./compile.js";
import { compareQ, gcd, mulDivRound, q, type Q, type RoundingMode } from "./exact.js";
import type { InvalidReason, ItemDetail } from "./results.js";
import type { Figure } from "./types.js";

export interface RuleContext {
  readonly mode: RoundingMode;
  readonly unitsPerPoint: number;
  /** Best figure in the group for each normalised leaf code, with its detail. */
  readonly best: ReadonlyMap<string, { readonly value: Q; readonly detail: ItemDetail }>;
}

export type Evaluation =
  | { readonly ok: true; readonly units: number; readonly detail: ItemDetail }
  | { readonly ok: false; readonly reason: InvalidReason };

// Shared, immutable details: the hot loop allocates nothing it can avoid.
const PLAIN: ItemDetail = { kind: "plain" };
const RATIO: ItemDetail = { kind: "ratio", capped: false };
const RATIO_CAPPED: ItemDetail = { kind: "ratio", capped: true };
const PER_ITEM: ItemDetail = { kind: "per_item", capped: false };
const PER_ITEM_CAPPED: ItemDetail = { kind: "per_item", capped: true };
const NO_TIER: ItemDetail = { kind: "tier", atLeast: null };
const NO_BEST: ItemDetail = { kind: "normalised", best: 0 };
const invalid = (reason: InvalidReason): Evaluation => ({ ok: false, reason });

/** The numeric value a figure carries in the item's own input unit (a share counts as a percent). */
export function numericValue(figure: Figure): Q | null {
  if (figure.kind === "amount") return figure.value;
  if (figure.kind === "share") {
    // Divide 100 into the denominator first so the numerator stays a safe integer for percents.
    const g = gcd(100, figure.value.d);
    return q(figure.value.n * (100 / g), figure.value.d / g);
  }
  return null;
}

function ratio(leaf: Leaf, figure: Figure, ctx: RuleContext): Evaluation {
  if (figure.kind !== "share") return invalid("figure_kind");
  const share = figure.value;
  if (leaf.floor && compareQ(share, leaf.floor) < 0) return { ok: true, units: 0, detail: RATIO };
  const target = leaf.fullAt ?? ONE;
  if (compareQ(share, target) >= 0) {
    return { ok: true, units: leaf.maxUnits, detail: share.n > share.d ? RATIO_CAPPED : RATIO };
  }
  // Below the target: the share of it (scaled), or the share itself (ratio).
  const full = leaf.rule.type === "ratio" && leaf.rule.below === "ratio" ? ONE : target;
  const units = mulDivRound(leaf.maxUnits, share.n, full.d, share.d, full.n, ctx.mode);
  return { ok: true, units, detail: RATIO };
}

function tiers(leaf: Leaf, figure: Figure): Evaluation {
  if (leaf.rule.type !== "tiers") return invalid("figure_kind");
  const value = numericValue(figure);
  if (!value) return invalid("figure_kind");
  for (let i = 0; i < leaf.tierFroms.length; i += 1) {
    if (compareQ(value, leaf.tierFroms[i]!) >= 0) {
      return { ok: true, units: leaf.tierUnits[i]!, detail: leaf.tierDetails[i]! };
    }
  }
  return { ok: true, units: 0, detail: NO_TIER };
}

function options(leaf: Leaf, figure: Figure, single: boolean, ctx: RuleContext): Evaluation {
  let ids: readonly string[];
  if (figure.kind === "choice") ids = figure.ids;
  else if (figure.kind === "yes_no" && !single) ids = figure.yes ? [...leaf.optionUnits.keys()] : [];
  else return invalid("figure_kind");
  if (single && ids.length !== 1) return invalid("figure_kind");
  if (leaf.rule.type === "parts" && leaf.rule.proportional) {
    if (ids.some((id) => !leaf.optionUnits.has(id))) return invalid("unknown_option");
    const done = new Set(ids).size;
    return { ok: true, units: mulDivRound(leaf.maxUnits, done, 1, leaf.optionUnits.size, 1, ctx.mode), detail: { kind: "options", ids } };
  }
  let units = 0;
  for (const id of ids) {
    const value = leaf.optionUnits.get(id);
    if (value === undefined) return invalid("unknown_option");
    units += value;
  }
  return { ok: true, units: Math.min(units, leaf.maxUnits), detail: { kind: "options", ids } };
}

function perReport(leaf: Leaf, figure: Figure): Evaluation {
  if (leaf.rule.type !== "per_report") return invalid("figure_kind");
  // a on time of b sent: the rest of b late, the reports not sent worth nothing.
  if (figure.kind !== "share" || figure.a === undefined || figure.b === undefined) return invalid("figure_kind");
  if (figure.b > leaf.rule.reports) return invalid("out_of_range");
  const units = figure.a * leaf.eachUnits + (figure.b - figure.a) * leaf.lateUnits;
  return { ok: true, units: Math.min(units, leaf.maxUnits), detail: PLAIN };
}

function perItem(leaf: Leaf, figure: Figure, ctx: RuleContext): Evaluation {
  if (figure.kind !== "amount") return invalid("figure_kind");
  const raw = mulDivRound(figure.value.n, leaf.eachUnits, 1, figure.value.d, 1, ctx.mode);
  const units = Math.min(raw, leaf.capUnits);
  return { ok: true, units, detail: raw > units ? PER_ITEM_CAPPED : PER_ITEM };
}

function normalised(leaf: Leaf, figure: Figure, ctx: RuleContext): Evaluation {
  const value = numericValue(figure);
  if (!value) return invalid("figure_kind");
  const best = ctx.best.get(leaf.code);
  if (!best || best.value.n === 0) return { ok: true, units: 0, detail: NO_BEST };
  const units = mulDivRound(leaf.maxUnits, value.n, best.value.d, value.d, best.value.n, ctx.mode);
  return { ok: true, units: Math.min(units, leaf.maxUnits), detail: best.detail };
}

function assigned(leaf: Leaf, figure: Figure, ctx: RuleContext): Evaluation {
  if (figure.kind !== "amount") return invalid("figure_kind");
  const units = mulDivRound(figure.value.n, ctx.unitsPerPoint, 1, figure.value.d, 1, ctx.mode);
  if (units > leaf.maxUnits) return invalid("out_of_range");
  return { ok: true, units, detail: PLAIN };
}

const ONE: Q = { n: 1, d: 1 };

/** Points (in units) a figure earns on a scored leaf. Never throws. */
export function evaluate(leaf: Leaf, figure: Figure, ctx: RuleContext): Evaluation {
  const rule = leaf.rule;
  switch (rule.type) {
    case "ratio":
      return ratio(leaf, figure, ctx);
    case "yes_no": {
      if (figure.kind !== "yes_no") return invalid("figure_kind");
      const yesUnits = rule.yesPoints === undefined ? leaf.maxUnits : Math.round(rule.yesPoints * ctx.unitsPerPoint);
      return { ok: true, units: figure.yes ? yesUnits : 0, detail: PLAIN };
    }
    case "tiers":
      return tiers(leaf, figure);
    case "levels":
      return options(leaf, figure, true, ctx);
    case "parts":
      return options(leaf, figure, false, ctx);
    case "per_report":
      return perReport(leaf, figure);
    case "per_item":
      return perItem(leaf, figure, ctx);
    case "normalise_to_best":
      return normalised(leaf, figure, ctx);
    case "assigned":
      return assigned(leaf, figure, ctx);
    case "not_scored":
      return { ok: true, units: 0, detail: PLAIN };
  }
}
