import type { Catalog } from "../../rulesets/index.js";
import type { Ruleset, UnitScore } from "../../scoring/index.js";
import type { PeriodRecord, SnapshotUnitRecord } from "../ports/records.js";
import type { Store } from "../ports/store.js";
import { line, movement, type Line } from "../reply.js";

/**
 * After publication there is one result: the one the department published
 * (reviewed scores, classes and ranks, as signed), not the provisional
 * self-scores. /diem, /xephang, /muctieu and /hanchot read it from the
 * published snapshot, and count changes only against the publication
 * before it.
 */
export interface Official {
  /** When it was published. */
  readonly at: Date;
  readonly own: SnapshotUnitRecord;
  /** The unit's ranking group as published, best first. */
  readonly group: readonly SnapshotUnitRecord[];
  /** The unit in the publication before this one (a correction published again). */
  readonly before: { readonly unit: SnapshotUnitRecord; readonly at: Date } | null;
}

export async function officialResult(store: Store, period: PeriodRecord, unitId: number): Promise<Official | null> {
  if (period.status !== "published" && period.status !== "closed") return null;
  const snapshot = await store.snapshots.latest(period.id, "published");
  const own = snapshot?.units.find((u) => u.unitId === unitId);
  if (!snapshot || !own) return null;
  const previous = await store.snapshots.previous(period.id, "published", snapshot.id);
  const earlier = previous?.units.find((u) => u.unitId === unitId);
  return {
    at: snapshot.createdAt, own,
    group: snapshot.units.filter((u) => u.groupCode === own.groupCode).sort((a, b) => a.rank - b.rank || a.unitId - b.unitId),
    before: previous && earlier ? { unit: earlier, at: previous.createdAt } : null,
  };
}

/** A class's name as the ruleset gives it, or "none". */
export function classNameOf(ruleset: Ruleset, classId: string | null): string {
  return ruleset.classification?.bands.find((b) => b.id === classId)?.name ?? "none";
}

/** /diem after publication. */
export function officialScoreLines(input: {
  catalog: Catalog; ruleset: Ruleset; unitName: string; year: number; groupName: string; official: Official;
}): Line[] {
  const { ruleset, official: o } = input;
  const lines: Line[] = [
    line("bot-official-title", { unit: input.unitName, year: String(input.year) }, "bold"),
    line("bot-official-published", { date: o.at }),
    line("bot-official-total", {
      total: o.own.total, max: o.own.max, percent: Math.round(o.own.value * 10_000) / 100, className: classNameOf(ruleset, o.own.classId),
    }),
    line("bot-score-rank", { rank: o.own.rank, size: o.group.length, group: input.groupName }),
  ];
  if (o.before) {
    const delta = Math.round((o.own.total - o.before.unit.total) * 100) / 100;
    lines.push(line("bot-official-change", { ...movement(o.before.unit.rank - o.own.rank, "places"), ...movement(delta, "points"), date: o.before.at }));
  }
  lines.push(line("bot-score-indices", {}, "bold"));
  for (const index of o.own.detail.indices.filter((i) => i.max > 0)) {
    lines.push(line("bot-score-index", { code: index.code, name: input.catalog.item(ruleset.id, index.code)?.name ?? "", points: index.points, max: index.max }));
  }
  return lines;
}

/** /xephang after publication: the published list, or the unit's own place. */
export function officialRankingLines(input: {
  groupName: string; year: number; official: Official; unitId: number; names: ReadonlyMap<number, string>; ruleset: Ruleset; full: boolean;
}): Line[] {
  const { official: o } = input;
  const lines: Line[] = [
    line("bot-official-ranking-title", { group: input.groupName, year: String(input.year), size: o.group.length }, "bold"),
    line("bot-official-published", { date: o.at }),
  ];
  if (!input.full) {
    lines.push(line("bot-ranking-own", { unit: input.names.get(input.unitId) ?? "", rank: o.own.rank, size: o.group.length, total: o.own.total }));
    return [...lines, line("bot-ranking-leaders-only")];
  }
  for (const u of o.group) {
    lines.push(line(u.unitId === input.unitId ? "bot-ranking-row-own" : "bot-ranking-row", {
      rank: u.rank, unit: input.names.get(u.unitId) ?? String(u.unitId), total: u.total, max: u.max,
      className: classNameOf(input.ruleset, u.classId),
    }));
  }
  return lines;
}

/** /muctieu after publication: the class is settled; what to work on for the next period. */
export function officialTargetLines(input: {
  catalog: Catalog; ruleset: Ruleset; official: Official; reviewed: UnitScore; year: number;
}): Line[] {
  const { ruleset, official: o } = input;
  const gaps = input.reviewed.items
    .filter((i) => i.effect === "base" && i.max > 0 && i.max - i.points > 0)
    .sort((a, b) => (b.max - b.points) - (a.max - a.points) || a.code.localeCompare(b.code, "vi", { numeric: true }))
    .slice(0, 5);
  return [
    line("bot-official-target", { year: String(input.year), date: o.at, className: classNameOf(ruleset, o.own.classId) }, "bold"),
    ...(gaps.length > 0 ? [line("bot-official-target-next")] : []),
    ...gaps.map((i) => line("bot-target-item", {
      code: i.code, name: input.catalog.item(ruleset.id, i.code)?.name ?? "", points: i.points, max: i.max,
      gain: Math.round((i.max - i.points) * 100) / 100,
      missing: i.status === "missing" ? "yes" : "no",
    })),
  ];
}
