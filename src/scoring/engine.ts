import { compile, type CompiledRuleset, type Leaf } from "./compile.js";
import { compareProducts, compareQ, fromUnits, mulDivRound, toUnits, type Q } from "./exact.js";
import { rankChange } from "./change.js";
import { indexScores, mergeRaws, type Merger } from "./merge.js";
import type { Raw } from "./raw.js";
import type { GroupResult, ItemDetail, ItemScore, ItemStatus, PreviousUnit, ScoreOutcome, UnitScore } from "./results.js";
import { evaluate, numericValue, type RuleContext } from "./rules.js";
import type { Figure, Ruleset } from "./types.js";

/** One unit's figures, keyed by item code. */
export interface UnitInput {
  readonly unitId: string;
  readonly figures: ReadonlyMap<string, Figure>;
  /** Tags that make items automatically "đặc thù" (e.g. a unit without administrative procedures). */
  readonly tags?: readonly string[];
  /**
   * Points a reviewer set for an item, in place of what its rule gives
   * (clamped to 0…max). They count where the unit has a figure for the item.
   */
  readonly pointOverrides?: ReadonlyMap<string, number>;
}

export interface ScoreOptions {
  /** The previous result of the same group, for rank changes. */
  readonly previous?: readonly PreviousUnit[];
  /**
   * Units formed by merger: each gets the mean of its predecessors'
   * main-index values. Predecessors are scored from `units` and then take
   * no place in the ranking themselves.
   */
  readonly mergers?: readonly Merger[];
}

const REFUSED = { ok: false, reason: "not_applicable_refused" } as const;
const OVERRIDDEN: ItemDetail = { kind: "reviewed_points" };

/** Every item score has the same fields in the same order, so V8 keeps one shape for them all. */
function itemScore(
  leaf: Leaf,
  status: ItemStatus,
  points: number,
  max: number,
  figure: Figure | undefined,
  detail: ItemDetail | undefined,
): ItemScore {
  return { code: leaf.code, status, points, max, effect: leaf.node.effect, figure, detail };
}

function isNotApplicable(leaf: Leaf, figure: Figure | undefined, tags: readonly string[] | undefined): boolean {
  if (tags && leaf.naAutomatic.size > 0 && tags.some((t) => leaf.naAutomatic.has(t))) return true;
  return figure?.kind === "not_applicable" && leaf.naAllowed;
}

/** Best figure in the group for every "normalise to best" leaf. */
function bestFigures(compiled: CompiledRuleset, units: readonly UnitInput[]): RuleContext["best"] {
  const best = new Map<string, { value: Q; detail: ItemDetail }>();
  for (const leaf of compiled.leaves) {
    if (leaf.rule.type !== "normalise_to_best") continue;
    let top: Q | null = null;
    for (const unit of units) {
      const figure = unit.figures.get(leaf.code);
      if (!figure || isNotApplicable(leaf, figure, unit.tags)) continue;
      const value = numericValue(figure);
      if (value && (top === null || compareQ(value, top) > 0)) top = value;
    }
    if (top) best.set(leaf.code, { value: top, detail: { kind: "normalised", best: top.n / top.d } });
  }
  return best;
}

function scoreUnit(compiled: CompiledRuleset, unit: UnitInput, ctx: RuleContext): Raw {
  const { ruleset, leaves } = compiled;
  const digits = ruleset.rounding.digits;
  const indexCount = ruleset.indices.length;
  const idxPoints = new Array<number>(indexCount).fill(0);
  const idxMax = new Array<number>(indexCount).fill(0);
  const items = new Array<ItemScore>(leaves.length);
  const missing: string[] = [];
  const invalid: string[] = [];
  let base = 0;
  let bonus = 0;
  let penalty = 0;
  let max = 0;

  for (let i = 0; i < leaves.length; i += 1) {
    const leaf = leaves[i]!;
    const figure = unit.figures.get(leaf.code);
    const effect = leaf.node.effect;
    if (isNotApplicable(leaf, figure, unit.tags)) {
      items[i] = itemScore(leaf, "not_applicable", 0, 0, figure, undefined);
      continue;
    }
    if (effect === "base") {
      max += leaf.maxUnits;
      idxMax[leaf.index]! += leaf.maxUnits;
    }
    if (leaf.rule.type === "not_scored") {
      items[i] = itemScore(leaf, "not_scored", 0, 0, figure, undefined);
      continue;
    }
    if (!figure) {
      // Only base items cost points when absent; no bonus or penalty figure simply means none.
      if (effect === "base") missing.push(leaf.code);
      items[i] = itemScore(leaf, "missing", 0, leaf.maxPoints, undefined, undefined);
      continue;
    }
    const override = unit.pointOverrides?.get(leaf.code);
    const result = override !== undefined && figure.kind !== "not_applicable"
      ? { ok: true as const, units: Math.max(0, Math.min(leaf.maxUnits, toUnits(override, digits))), detail: OVERRIDDEN }
      : figure.kind === "not_applicable" ? REFUSED : evaluate(leaf, figure, ctx);
    if (!result.ok) {
      invalid.push(leaf.code);
      items[i] = itemScore(leaf, "invalid", 0, leaf.maxPoints, figure, { kind: "invalid", reason: result.reason });
      continue;
    }
    const units = result.units;
    // Main indices hold base points only; bonus and penalty are capped as a whole on the unit.
    if (effect === "base") {
      base += units;
      idxPoints[leaf.index]! += units;
    } else if (effect === "bonus") {
      bonus += units;
    } else {
      penalty += units;
    }
    items[i] = itemScore(leaf, "scored", fromUnits(units, digits), leaf.maxPoints, figure, result.detail);
  }

  const cappedBonus = Math.min(bonus, compiled.bonusCapUnits);
  const cappedPenalty = Math.min(penalty, compiled.penaltyCapUnits);
  const total = Math.max(0, base + cappedBonus - cappedPenalty);
  return {
    unitId: unit.unitId, items, indices: indexScores(ruleset, idxPoints, idxMax), indexUnits: idxPoints,
    indexMaxUnits: idxMax, base, bonus: cappedBonus, penalty: cappedPenalty, total, max, missing, invalid,
  };
}

/** Exact order on total ÷ max (a unit with no applicable maximum counts as 0). */
function compareRaw(a: Raw, b: Raw): number {
  const aMax = a.max > 0 ? a.max : 1;
  const bMax = b.max > 0 ? b.max : 1;
  return compareProducts(a.max > 0 ? a.total : 0, bMax, b.max > 0 ? b.total : 0, aMax);
}

function classify(compiled: CompiledRuleset, raw: Raw): { id: string; name: string } | null {
  const classification = compiled.ruleset.classification;
  if (!classification || raw.max === 0) return null;
  const bands = classification.bands;
  for (let i = 0; i < bands.length; i += 1) {
    const from = compiled.bandFroms[i]!;
    // total/max × scale ≥ from  ⇔  total × scale × from.d ≥ from.n × max
    if (compareProducts(raw.total * classification.scale, from.d, from.n, raw.max) >= 0) {
      return { id: bands[i]!.id, name: bands[i]!.name };
    }
  }
  return null;
}

/**
 * Score and rank one group of units (units compared with each other).
 * Missing figures score zero and are listed; nothing is guessed.
 * A `structure` ruleset refuses to score.
 */
export function scoreGroup(ruleset: Ruleset, units: readonly UnitInput[], options: ScoreOptions = {}): ScoreOutcome {
  if (ruleset.completeness !== "full") return { ok: false, reason: "structure_only", rulesetId: ruleset.id };
  const compiled = compile(ruleset);
  const ctx: RuleContext = {
    mode: ruleset.rounding.mode,
    unitsPerPoint: compiled.unitsPerPoint,
    best: bestFigures(compiled, units),
  };
  const scored = units.map((unit) => scoreUnit(compiled, unit, ctx));
  const raws = options.mergers?.length ? mergeRaws(ruleset, scored, options.mergers) : scored;
  const order = raws.map((_, i) => i).sort((x, y) => compareRaw(raws[y]!, raws[x]!) || x - y);
  const previous = options.previous ? new Map(options.previous.map((p) => [p.unitId, p])) : null;
  const { digits, valueDigits, mode } = ruleset.rounding;
  const valueScale = 10 ** valueDigits;
  const ranked: UnitScore[] = [];
  let rank = 0;
  order.forEach((rawIndex, position) => {
    const raw = raws[rawIndex]!;
    if (position === 0 || compareRaw(raws[order[position - 1]!]!, raw) !== 0) rank = position + 1;
    const cls = classify(compiled, raw);
    const total = fromUnits(raw.total, digits);
    ranked.push({
      unitId: raw.unitId,
      items: raw.items,
      indices: raw.indices,
      basePoints: fromUnits(raw.base, digits),
      bonusPoints: fromUnits(raw.bonus, digits),
      penaltyPoints: fromUnits(raw.penalty, digits),
      total,
      applicableMax: fromUnits(raw.max, digits),
      value: raw.max > 0
        ? fromUnits(mulDivRound(raw.total, valueScale, 1, raw.max, 1, mode), valueDigits)
        : 0,
      classId: cls?.id ?? null,
      className: cls?.name ?? null,
      rank,
      change: previous ? rankChange(previous.get(raw.unitId), rank, total, raw.items, digits) : null,
      missing: raw.missing,
      invalid: raw.invalid,
      ...(raw.mergedFrom ? { mergedFrom: raw.mergedFrom } : {}),
    });
  });
  const result: GroupResult = { rulesetId: ruleset.id, units: ranked };
  return { ok: true, result };
}
