import { nextClassGap, type Ruleset, type UnitScore } from "../../scoring/index.js";
import type { Catalog } from "../../rulesets/index.js";
import type { GroupScores, PeriodScores } from "../period-scores.js";
import type { QueuedReply } from "../ports/delivery.js";
import type { SnapshotUnitRecord } from "../ports/records.js";
import { line, movement, type Line } from "../reply.js";

/** Items whose points moved a unit most since a snapshot, in the direction the total went. */
export function movers(now: UnitScore, before: SnapshotUnitRecord, limit = 2): { code: string; delta: number }[] {
  const was = new Map(before.detail.items.map((i) => [i.code, i.effect === "penalty" ? -i.points : i.points]));
  const direction = Math.sign(now.total - before.total);
  if (direction === 0) return [];
  return now.items
    .map((i) => ({ code: i.code, delta: Math.round(((i.effect === "penalty" ? -i.points : i.points) - (was.get(i.code) ?? 0)) * 100) / 100 }))
    .filter((m) => Math.sign(m.delta) === direction)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
    .slice(0, limit);
}

const signed = (n: number) => `${n > 0 ? "+" : "−"}${String(Math.abs(n)).replace(".", ",")}`;

/**
 * One unit's published result, for its own people: total, value, class,
 * rank in its group, the change since the last publication with the items
 * that moved it, and what it takes to reach the next class.
 */
export function unitResult(input: {
  readonly ruleset: Ruleset;
  readonly catalog: Catalog;
  readonly year: number;
  readonly unitName: string;
  readonly group: GroupScores;
  readonly score: UnitScore;
  readonly before: { readonly unit: SnapshotUnitRecord; readonly at: Date } | null;
}): QueuedReply {
  const { score, group } = input;
  const lines: Line[] = [
    line("notify-result-title", { unit: input.unitName, year: String(input.year) }, "bold"),
    line("notify-result-total", { total: score.total, max: score.applicableMax, percent: Math.round(score.value * 10_000) / 100, className: score.className ?? "none" }),
    line("notify-result-rank", { rank: score.rank, size: group.reviewed.units.length, group: group.groupName }),
  ];
  if (input.before) {
    const delta = Math.round((score.total - input.before.unit.total) * 100) / 100;
    const items = movers(score, input.before.unit).map((m) => `${m.code} (${signed(m.delta)})`).join(", ");
    lines.push(line("notify-result-change", {
      date: input.before.at, ...movement(input.before.unit.rank - score.rank, "places"), ...movement(delta, "points"), items: items || "none",
      pointsUp: delta > 0 ? "yes" : "no",
    }));
  }
  const gap = input.ruleset.classification ? nextClassGap(input.ruleset, score) : null;
  if (gap) {
    const items = gap.items.slice(0, 3).map((i) => `${i.code} (+${String(i.gain).replace(".", ",")})`).join(", ");
    lines.push(line(gap.reachable ? "notify-result-gap" : "notify-result-gap-far", { className: gap.target.name, needed: gap.pointsNeeded, items }));
  }
  return {
    lines,
    buttons: [[{ label: line("notify-button-score"), action: "cmd:diem" }, { label: line("bot-button-target"), action: "cmd:muctieu" }]],
  };
}

/** The department's summary after a publication: per group, who leads and how many units fall in each class. */
export function publicationSummary(scores: PeriodScores, recipients: number): Line[] {
  const units = scores.groups.reduce((n, g) => n + g.reviewed.units.length, 0);
  const lines: Line[] = [line("notify-published-title", { year: String(scores.period.year), ruleset: scores.ruleset.title, units, groups: scores.groups.length, recipients }, "bold")];
  for (const group of scores.groups) {
    const first = group.reviewed.units[0];
    const counts = new Map<string, number>();
    for (const u of group.reviewed.units) counts.set(u.className ?? "—", (counts.get(u.className ?? "—") ?? 0) + 1);
    lines.push(line("notify-published-group", {
      group: group.groupName, size: group.reviewed.units.length, leader: first ? scores.units.get(Number(first.unitId))?.name ?? first.unitId : "—",
      // A ruleset without classes has nothing to count by class.
      total: first?.total ?? 0, classes: scores.ruleset.classification ? [...counts].map(([name, n]) => `${name}: ${n}`).join("; ") : "none",
    }));
  }
  return lines;
}
