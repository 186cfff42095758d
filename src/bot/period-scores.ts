import { vnEndOfDay } from "../i18n/dates.js";
import type { Catalog } from "../rulesets/index.js";
import { scoreGroup, type Figure, type GroupResult, type Merger, type Ruleset, type UnitInput, type UnitScore } from "../scoring/index.js";
import { UNIT_KINDS as KIND_ORDER, type FigureRecord, type PeriodRecord, type RulesetAssignment, type SnapshotUnitRecord, type SuccessionRecord, type UnitRecord } from "./ports/records.js";
import type { Store } from "./ports/store.js";

/** One ranking group of a period: self-assessed and reviewed scores side by side. */
export interface GroupScores {
  readonly groupCode: string;
  readonly groupName: string;
  /** Scores from the units' own figures. */
  readonly self: GroupResult;
  /** Scores after review: the reviewer's figure where there is one, else the unit's. */
  readonly reviewed: GroupResult;
  /** What the self scores were computed from, for what-if questions. */
  readonly inputs: readonly UnitInput[];
  readonly mergers: readonly Merger[];
}

export interface PeriodScores {
  readonly period: PeriodRecord;
  readonly ruleset: Ruleset;
  readonly groups: readonly GroupScores[];
  readonly units: ReadonlyMap<number, UnitRecord>;
  readonly figures: readonly FigureRecord[];
}

export type PeriodScoresOutcome =
  | { readonly ok: true; readonly scores: PeriodScores }
  | { readonly ok: false; readonly reason: "unknown_period" | "unknown_ruleset" | "structure_only"; readonly rulesetId?: string };

interface GroupMembers {
  readonly groupCode: string;
  readonly groupName: string;
  readonly units: UnitRecord[];
}

/**
 * The units that take part: active units whose group is scored with the
 * period's ruleset, plus any unit that has figures in the period (a unit
 * merged away mid-cycle still counts for its successor).
 */
export function groupMembers(
  ruleset: Ruleset, assignments: readonly RulesetAssignment[], units: readonly UnitRecord[], withFigures: ReadonlySet<number>,
): GroupMembers[] {
  const groups = new Map(assignments.filter((a) => a.rulesetId === ruleset.id).map((a) => [a.groupCode, a]));
  const out = new Map<string, GroupMembers>();
  for (const unit of units) {
    const group = unit.groupCode ? groups.get(unit.groupCode) : undefined;
    if (!group || (!unit.active && !withFigures.has(unit.id))) continue;
    if (!out.has(group.groupCode)) out.set(group.groupCode, { groupCode: group.groupCode, groupName: group.groupName, units: [] });
    out.get(group.groupCode)!.units.push(unit);
  }
  // Departments first, then central agencies, districts and communes, as results are usually laid out.
  // Within a kind, groups keep the order the province set them up in.
  const order = [...groups.keys()];
  const rank = (g: GroupMembers) => Math.min(...g.units.map((u) => KIND_ORDER.indexOf(u.kind)));
  return [...out.values()].sort((a, b) => rank(a) - rank(b) || order.indexOf(a.groupCode) - order.indexOf(b.groupCode));
}

/**
 * How mergers shape a period's group. A succession counts for periods whose
 * evaluation year ends after it took effect. Then the predecessors take no
 * place of their own: the successor takes the mean of their main-index
 * values, unless it reported figures of its own, which then count alone. A
 * successor formed only after the period is not part of it.
 */
export function applyMergers(
  members: readonly UnitRecord[], successions: readonly SuccessionRecord[], withFigures: ReadonlySet<number>, periodEnd: Date,
): { units: UnitRecord[]; mergers: Merger[] } {
  const ids = new Set(members.map((u) => u.id));
  const applicable = successions.filter((s) => s.effectiveOn <= periodEnd && ids.has(s.toUnitId));
  const later = successions.filter((s) => s.effectiveOn > periodEnd);
  const replaced = new Set(applicable.map((s) => s.fromUnitId));
  const mergers: Merger[] = [];
  const dropped = new Set<number>();
  for (const unit of members) {
    const from = applicable.filter((s) => s.toUnitId === unit.id && ids.has(s.fromUnitId)).map((s) => s.fromUnitId);
    if (from.length > 0 && !withFigures.has(unit.id)) {
      const reporting = from.filter((id) => withFigures.has(id));
      if (reporting.length > 0) mergers.push({ unitId: String(unit.id), from: reporting.map(String) });
    }
    const createdLater = later.some((s) => s.toUnitId === unit.id) && !applicable.some((s) => s.toUnitId === unit.id);
    if (createdLater && !withFigures.has(unit.id)) dropped.add(unit.id);
  }
  // Predecessors feed a merger or step aside for a successor that reported itself.
  const merging = new Set(mergers.flatMap((m) => m.from.map(Number)));
  const units = members.filter((u) => !dropped.has(u.id) && (!replaced.has(u.id) || merging.has(u.id)));
  return { units, mergers };
}

/** Scoring inputs of the units from their figures: their own, or after review (the reviewer's figure or points where set). */
export function inputs(members: readonly UnitRecord[], figures: readonly FigureRecord[], view: "self" | "reviewed"): UnitInput[] {
  const byUnit = new Map<number, Map<string, Figure>>();
  const overrides = new Map<number, Map<string, number>>();
  for (const f of figures) {
    const figure = view === "reviewed" ? f.reviewFigure ?? f.figure : f.figure;
    if (!figure) continue;
    if (!byUnit.has(f.unitId)) byUnit.set(f.unitId, new Map());
    byUnit.get(f.unitId)!.set(f.itemCode, figure);
    if (view === "reviewed" && f.reviewPoints !== null) {
      if (!overrides.has(f.unitId)) overrides.set(f.unitId, new Map());
      overrides.get(f.unitId)!.set(f.itemCode, f.reviewPoints);
    }
  }
  return members.map((u) => ({
    unitId: String(u.id), figures: byUnit.get(u.id) ?? new Map(), tags: u.tags,
    ...(overrides.has(u.id) && { pointOverrides: overrides.get(u.id)! }),
  }));
}

/** Score every ranking group of a period from the store's current figures. */
export async function scorePeriod(deps: { store: Store; catalog: Catalog }, periodId: number): Promise<PeriodScoresOutcome> {
  const { store, catalog } = deps;
  const period = await store.periods.byId(periodId);
  if (!period) return { ok: false, reason: "unknown_period" };
  const ruleset = catalog.get(period.rulesetId);
  if (!ruleset) return { ok: false, reason: "unknown_ruleset", rulesetId: period.rulesetId };
  if (ruleset.completeness !== "full") return { ok: false, reason: "structure_only", rulesetId: ruleset.id };
  const [units, assignments, figures, successions] = await Promise.all([
    store.units.list(period.provinceId), store.provinces.rulesets(period.provinceId), store.figures.current(periodId),
    store.units.successions(period.provinceId),
  ]);
  const withFigures = new Set(figures.filter((f) => f.figure).map((f) => f.unitId));
  const periodEnd = period.windowTo ?? vnEndOfDay(period.year, 12, 31);
  const groups: GroupScores[] = [];
  for (const members of groupMembers(ruleset, assignments, units, withFigures)) {
    const { units: taking, mergers } = applyMergers(members.units, successions, withFigures, periodEnd);
    const selfInputs = inputs(taking, figures, "self");
    const self = scoreGroup(ruleset, selfInputs, { mergers });
    const reviewed = scoreGroup(ruleset, inputs(taking, figures, "reviewed"), { mergers });
    if (!self.ok || !reviewed.ok) return { ok: false, reason: "structure_only", rulesetId: ruleset.id };
    groups.push({
      groupCode: members.groupCode, groupName: members.groupName, self: self.result, reviewed: reviewed.result, inputs: selfInputs, mergers,
    });
  }
  return { ok: true, scores: { period, ruleset, groups, units: new Map(units.map((u) => [u.id, u])), figures } };
}

/**
 * Snapshot rows with the self-assessed total kept beside them: of the
 * reviewed scores (publication), or of the units' own figures (the weekly
 * provisional standing, as /diem shows it).
 */
export function snapshotUnits(scores: PeriodScores, basis: "reviewed" | "self" = "reviewed"): SnapshotUnitRecord[] {
  return scores.groups.flatMap((group) => {
    const selfById = new Map(group.self.units.map((u) => [u.unitId, u]));
    return group[basis].units.map((u: UnitScore): SnapshotUnitRecord => ({
      unitId: Number(u.unitId),
      groupCode: group.groupCode,
      rank: u.rank,
      total: u.total,
      max: u.applicableMax,
      value: u.value,
      classId: u.classId,
      detail: {
        selfTotal: selfById.get(u.unitId)?.total ?? 0,
        indices: u.indices.map((i) => ({ code: i.code, points: i.points, max: i.max })),
        items: u.items.map((i) => ({ code: i.code, points: i.points, effect: i.effect })),
        missing: u.missing,
      },
    }));
  });
}
