import { divRoundBig, fromUnits, mulDivRound } from "./exact.js";
import type { Raw } from "./raw.js";
import type { IndexScore } from "./results.js";
import type { Ruleset } from "./types.js";

/** A unit formed by merging `from` (as on 1/7/2025). */
export interface Merger {
  readonly unitId: string;
  readonly from: readonly string[];
}

/** Index scores from exact index units. */
export function indexScores(ruleset: Ruleset, points: readonly number[], max: readonly number[]): IndexScore[] {
  const { digits, valueDigits, mode } = ruleset.rounding;
  return ruleset.indices.map((node, k) => {
    const p = points[k] ?? 0;
    const m = max[k] ?? 0;
    return {
      code: node.code,
      name: node.name,
      points: fromUnits(p, digits),
      max: fromUnits(m, digits),
      value: m > 0 ? fromUnits(mulDivRound(Math.max(0, p), 10 ** valueDigits, 1, m, 1, mode), valueDigits) : null,
    };
  });
}

/**
 * round(M · (1/k) · Σ pⱼ/mⱼ) in units, exactly (BigInt: k is small and this
 * runs once per merged unit).
 */
function meanOfValues(indexMax: number, parts: readonly { p: number; m: number }[], ruleset: Ruleset): number {
  let num = 0n;
  let den = 1n;
  for (const { p, m } of parts) {
    num = num * BigInt(m) + BigInt(Math.max(0, p)) * den;
    den *= BigInt(m);
  }
  return divRoundBig(num * BigInt(indexMax), den * BigInt(parts.length), ruleset.rounding.mode);
}

/**
 * Replace predecessors by the units formed from them. Each main index of a
 * merged unit takes the mean of its predecessors' index values (points ÷
 * applicable max) times the index's maximum (dti-research.md §2, DTI 2024).
 * Predecessors missing from `scored` are ignored; a merger with none is dropped.
 */
export function mergeRaws(ruleset: Ruleset, scored: readonly Raw[], mergers: readonly Merger[]): Raw[] {
  const byId = new Map(scored.map((r) => [r.unitId, r]));
  const consumed = new Set<string>();
  const merged: Raw[] = [];
  for (const merger of mergers) {
    const preds = merger.from.map((id) => byId.get(id)).filter((r): r is Raw => r !== undefined);
    if (preds.length === 0) continue;
    preds.forEach((r) => consumed.add(r.unitId));
    // The merged unit replaces any own (empty) entry it had in the group.
    consumed.add(merger.unitId);
    const points: number[] = [];
    const max: number[] = [];
    ruleset.indices.forEach((_, k) => {
      const parts = preds.filter((r) => (r.indexMaxUnits[k] ?? 0) > 0)
        .map((r) => ({ p: r.indexUnits[k] ?? 0, m: r.indexMaxUnits[k] ?? 0 }));
      const nominal = Math.max(...preds.map((r) => r.indexMaxUnits[k] ?? 0));
      max.push(parts.length > 0 ? nominal : 0);
      points.push(parts.length > 0 ? meanOfValues(nominal, parts, ruleset) : 0);
    });
    const base = points.reduce((a, b) => a + b, 0);
    // Capped adjustments carry over as their mean, like the index values.
    const mean = (values: readonly number[]): number =>
      divRoundBig(values.reduce((a, b) => a + BigInt(b), 0n), BigInt(values.length), ruleset.rounding.mode);
    const bonus = mean(preds.map((r) => r.bonus));
    const penalty = mean(preds.map((r) => r.penalty));
    merged.push({
      unitId: merger.unitId,
      items: [],
      indices: indexScores(ruleset, points, max),
      indexUnits: points,
      indexMaxUnits: max,
      base,
      bonus,
      penalty,
      total: Math.max(0, base + bonus - penalty),
      max: max.reduce((a, b) => a + b, 0),
      missing: [...new Set(preds.flatMap((r) => r.missing))],
      invalid: [...new Set(preds.flatMap((r) => r.invalid))],
      mergedFrom: preds.map((r) => r.unitId),
    });
  }
  return [...scored.filter((r) => !consumed.has(r.unitId)), ...merged];
}
