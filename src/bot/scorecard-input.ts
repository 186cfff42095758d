import type { UnitScore } from "../scoring/index.js";
import type { ScorecardInput } from "./ports/reports.js";

/**
 * What a unit's scorecard shows: its points by main index, each against the
 * maximum and the average of the units in its group that sent anything (a
 * unit with nothing would pull every average down).
 */
export function scorecardInput(o: {
  unitName: string; year: number; groupName: string; own: UnitScore; view: readonly UnitScore[]; official: boolean;
}): ScorecardInput {
  const peers = o.view.filter((u) => u.items.some((i) => i.status === "scored" || i.status === "not_applicable"));
  const average = (code: string) => {
    const points = peers.map((u) => u.indices.find((i) => i.code === code)?.points ?? 0);
    return points.length === 0 ? 0 : Math.round((points.reduce((a, b) => a + b, 0) / points.length) * 100) / 100;
  };
  return {
    unitName: o.unitName, year: o.year, groupName: o.groupName, total: o.own.total, max: o.own.applicableMax, className: o.own.className,
    rank: o.own.rank, size: o.view.length, official: o.official,
    indices: o.own.indices.filter((i) => i.max > 0)
      .map((i) => ({ code: i.code, name: i.name, points: i.points, max: i.max, average: average(i.code) })),
  };
}
