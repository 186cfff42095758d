import { fromUnits, toUnits } from "./exact.js";
import type { ItemMove, ItemScore, PreviousUnit, RankChange } from "./results.js";

/** Signed effect of an item on the total (penalties count against it). */
function signed(item: { points: number; effect?: string }): number {
  return item.effect === "penalty" ? -item.points : item.points;
}

/**
 * Items whose points moved between two results, the largest effect first.
 * Exact: differences are taken in integer units.
 */
export function itemMoves(
  before: readonly { code: string; points: number; effect?: string }[],
  after: readonly { code: string; points: number; effect?: string }[],
  digits: number,
): ItemMove[] {
  const old = new Map(before.map((i) => [i.code, toUnits(signed(i), digits)]));
  const moves: { code: string; units: number }[] = [];
  for (const item of after) {
    const units = toUnits(signed(item), digits) - (old.get(item.code) ?? 0);
    if (units !== 0) moves.push({ code: item.code, units });
  }
  moves.sort((a, b) => Math.abs(b.units) - Math.abs(a.units) || (b.units - a.units));
  return moves.map((m) => ({ code: m.code, delta: fromUnits(m.units, digits) }));
}

/** The change of one unit against its previous result; null when it had none. */
export function rankChange(
  previous: PreviousUnit | undefined,
  rank: number,
  total: number,
  items: readonly ItemScore[],
  digits: number,
): RankChange | null {
  if (!previous) return null;
  return {
    previousRank: previous.rank,
    places: previous.rank - rank,
    previousTotal: previous.total,
    totalDelta: fromUnits(toUnits(total, digits) - toUnits(previous.total, digits), digits),
    movers: previous.items ? itemMoves(previous.items, items, digits) : [],
  };
}
