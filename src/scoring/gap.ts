import { compareProducts, fromUnits, mulDivRound, qFromDecimal, toUnits } from "./exact.js";
import type { UnitScore } from "./results.js";
import type { Band, Ruleset } from "./types.js";

export interface GapItem {
  readonly code: string;
  readonly points: number;
  readonly max: number;
  /** Points gained by bringing the item to full marks. */
  readonly gain: number;
  readonly missing: boolean;
}

export interface ClassGap {
  readonly target: Band;
  /** Points the total must still gain (on this unit's applicable maximum). */
  readonly pointsNeeded: number;
  /** False when even full marks on every item fall short. */
  readonly reachable: boolean;
  /** The fewest items whose improvement reaches the target, largest gain first. */
  readonly items: readonly GapItem[];
}

/**
 * What it takes to reach the next class (or the class `targetId`): the
 * fewest items that, brought to full marks, lift the unit into that band.
 * Taking the largest gains first is optimal for "fewest items". Null for the
 * top class (or a class the unit has reached), for a ruleset without bands,
 * or for a merged unit (it has no items of its own).
 */
export function nextClassGap(ruleset: Ruleset, unit: UnitScore, targetId?: string): ClassGap | null {
  const bands = ruleset.classification?.bands;
  if (!bands || !ruleset.classification || unit.mergedFrom || unit.applicableMax === 0) return null;
  const current = bands.findIndex((b) => b.id === unit.classId);
  let index = current === -1 ? bands.length - 1 : current - 1;
  if (targetId !== undefined) {
    // A class asked for by name ("lên loại Xuất sắc"): none when the unit is already there or above.
    const asked = bands.findIndex((b) => b.id === targetId);
    if (asked === -1 || (current !== -1 && asked >= current)) return null;
    index = asked;
  }
  const target = bands[index];
  if (!target) return null;
  const { digits } = ruleset.rounding;
  const maxUnits = toUnits(unit.applicableMax, digits);
  const from = qFromDecimal(target.from);
  // Smallest total in units with total / max × scale ≥ from: ceil(from · max / scale).
  const floorNeeded = mulDivRound(from.n, maxUnits, 1, from.d, ruleset.classification.scale, "down");
  const exact = compareProducts(floorNeeded, from.d * ruleset.classification.scale, from.n, maxUnits) === 0;
  const targetUnits = exact ? floorNeeded : floorNeeded + 1;
  // Gains add to the unclamped total: a unit held at 0 by penalties must first climb out of them.
  const units = (points: number): number => toUnits(points, digits);
  const raw = units(unit.basePoints) + units(unit.bonusPoints) - units(unit.penaltyPoints);
  const needed = Math.max(0, targetUnits - raw);

  const candidates = unit.items
    .filter((i) => i.effect === "base" && (i.status === "scored" || i.status === "missing" || i.status === "invalid"))
    .map((i) => ({ item: i, gain: toUnits(i.max, digits) - toUnits(i.points, digits) }))
    .filter((c) => c.gain > 0)
    .sort((a, b) => b.gain - a.gain || Number(b.item.status === "missing") - Number(a.item.status === "missing"));

  const chosen: GapItem[] = [];
  let gained = 0;
  for (const c of candidates) {
    if (gained >= needed) break;
    gained += c.gain;
    chosen.push({
      code: c.item.code,
      points: c.item.points,
      max: c.item.max,
      gain: fromUnits(c.gain, digits),
      missing: c.item.status === "missing",
    });
  }
  return { target, pointsNeeded: fromUnits(needed, digits), reachable: gained >= needed, items: chosen };
}
