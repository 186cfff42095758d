import { itemMoves } from "./change.js";
import { scoreGroup, type ScoreOptions, type UnitInput } from "./engine.js";
import { fromUnits, toUnits } from "./exact.js";
import type { ItemMove, UnitScore } from "./results.js";
import type { Figure, Ruleset } from "./types.js";

export interface WhatIf {
  readonly before: UnitScore;
  readonly after: UnitScore;
  readonly totalDelta: number;
  /** Positive: the unit would move up that many places. */
  readonly places: number;
  readonly moves: readonly ItemMove[];
}

export type WhatIfOutcome =
  | { readonly ok: true; readonly whatIf: WhatIf }
  | { readonly ok: false; readonly reason: "structure_only" | "unknown_unit" };

/**
 * Score the group as it is and with some of one unit's figures changed
 * (`null` removes a figure). The whole group is rescored, because
 * "normalise to best" items and ranks depend on the other units.
 */
export function whatIf(
  ruleset: Ruleset,
  units: readonly UnitInput[],
  unitId: string,
  changes: ReadonlyMap<string, Figure | null>,
  options: ScoreOptions = {},
): WhatIfOutcome {
  const target = units.find((u) => u.unitId === unitId);
  if (!target) return { ok: false, reason: "unknown_unit" };
  const figures = new Map(target.figures);
  for (const [code, figure] of changes) {
    if (figure === null) figures.delete(code);
    else figures.set(code, figure);
  }
  const changed = units.map((u) => (u === target ? { ...u, figures } : u));
  const before = scoreGroup(ruleset, units, options);
  const after = scoreGroup(ruleset, changed, options);
  if (!before.ok || !after.ok) return { ok: false, reason: "structure_only" };
  const b = before.result.units.find((u) => u.unitId === unitId);
  const a = after.result.units.find((u) => u.unitId === unitId);
  // A merger's predecessor has no place of its own in the ranking.
  if (!a || !b) return { ok: false, reason: "unknown_unit" };
  const digits = ruleset.rounding.digits;
  return {
    ok: true,
    whatIf: {
      before: b,
      after: a,
      totalDelta: fromUnits(toUnits(a.total, digits) - toUnits(b.total, digits), digits),
      places: b.rank - a.rank,
      moves: itemMoves(b.items, a.items, digits),
    },
  };
}
