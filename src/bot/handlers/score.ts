import { exampleArgs, examplesOf } from "../examples.js";
import { needingEvidence } from "../notify/jobs.js";
import { fold, nextClassGap, type Band, type Ruleset, type UnitScore } from "../../scoring/index.js";
import type { GroupScores } from "../period-scores.js";
import type { PeriodRecord, UnitRecord } from "../ports/records.js";
import { line, movement, reply, type Line, type Reply } from "../reply.js";
import { scorecardInput } from "../scorecard-input.js";
import { figureText } from "./figure-preview.js";
import { officialRankingLines, officialResult, officialScoreLines, officialTargetLines } from "./official.js";
import { periodForUnit, rolesIn, type CoreDeps, type Session, noUnitLine } from "../session.js";

interface UnitView {
  readonly unit: UnitRecord;
  readonly period: PeriodRecord;
  readonly ruleset: Ruleset;
  readonly group: GroupScores;
  readonly self: UnitScore;
  readonly reviewed: UnitScore;
}

type ViewResult = { ok: true; view: UnitView } | { ok: false; replies: Reply[] };

/** The scores of the unit the person works for, if they may see them. */
async function unitView(deps: CoreDeps, session: Session): Promise<ViewResult> {
  if (!session.person) return { ok: false, replies: [reply([line("bot-not-bound"), line("bot-start-how")])] };
  const unit = session.unit;
  if (!unit) return { ok: false, replies: [reply([noUnitLine(session)])] };
  if (!session.isAdmin && rolesIn(session, unit.id).size === 0) return { ok: false, replies: [reply([line("bot-not-your-unit", { unit: unit.name })])] };
  const found = await periodForUnit(deps, unit);
  if (!found) return { ok: false, replies: [reply([line("bot-no-period", { unit: unit.name })])] };
  const outcome = await deps.scores.get(found.period.id);
  if (!outcome.ok) return { ok: false, replies: [reply([line("bot-cannot-score", { ruleset: found.ruleset.title })])] };
  const id = String(unit.id);
  const group = outcome.scores.groups.find((g) => g.self.units.some((u) => u.unitId === id));
  const self = group?.self.units.find((u) => u.unitId === id);
  const reviewed = group?.reviewed.units.find((u) => u.unitId === id);
  if (!group || !self || !reviewed) return { ok: false, replies: [reply([line("bot-no-period", { unit: unit.name })])] };
  return { ok: true, view: { unit, period: found.period, ruleset: found.ruleset, group, self, reviewed } };
}

const MORE = [[
  { label: line("bot-button-missing"), action: "cmd:thieu" },
  { label: line("bot-button-target"), action: "cmd:muctieu" },
  { label: line("bot-button-ranking"), action: "cmd:xephang" },
  { label: line("bot-button-scorecard"), action: "cmd:bieudo" },
]];

/**
 * /bieudo: the unit's points by main index against its maximum and its group's average, as a picture; the
 * published result once there is one, the provisional self-score before.
 */
export async function scoreCard(deps: CoreDeps, session: Session): Promise<Reply[]> {
  // Without pictures (a deployment with no chart renderer), the same figures in words.
  if (!deps.reports) return score(deps, session);
  const result = await unitView(deps, session);
  if (!result.ok) return result.replies;
  const { unit, period, group, self, reviewed } = result.view;
  const official = (await officialResult(deps.store, period, unit.id)) !== null;
  const view = official ? group.reviewed.units : group.self.units;
  const own = official ? reviewed : self;
  const input = scorecardInput({ unitName: unit.name, year: period.year, groupName: group.groupName, own, view, official });
  const picture = deps.reports.scorecard(input, session.locale);
  return [{
    lines: [],
    attachment: {
      kind: "photo", filename: `diem-${unit.code}-${period.year}.png`, data: picture, caption: line("bot-scorecard-caption", { unit: unit.name }),
    },
  }];
}

/** /diem: total, value, class, rank, change since the last snapshot, main indices, what is missing. */
export async function score(deps: CoreDeps, session: Session): Promise<Reply[]> {
  const result = await unitView(deps, session);
  if (!result.ok) return result.replies;
  const { unit, period, group, self, reviewed, ruleset } = result.view;
  const official = await officialResult(deps.store, period, unit.id);
  if (official) {
    const lines = officialScoreLines({
      catalog: deps.catalog, ruleset, unitName: unit.name, year: period.year, groupName: group.groupName, official,
    });
    return [reply(lines, MORE)];
  }
  const lines: Line[] = [
    line("bot-score-title", { unit: unit.name, year: String(period.year) }, "bold"),
    line("bot-score-total", { total: self.total, max: self.applicableMax, percent: Math.round(self.value * 10_000) / 100, className: self.className ?? "none" }),
  ];
  if (reviewed.total !== self.total) lines.push(line("bot-score-reviewed", { total: reviewed.total, className: reviewed.className ?? "none" }));
  lines.push(line("bot-score-rank", { rank: self.rank, size: group.self.units.length, group: group.groupName }));
  // Provisional self-scores move against the last provisional standing (the weekly digest), never against reviewed ones.
  const snapshot = await deps.store.snapshots.latest(period.id, "provisional");
  const before = snapshot?.units.find((u) => u.unitId === unit.id);
  if (snapshot && before) {
    const delta = Math.round((self.total - before.total) * 100) / 100;
    lines.push(line("bot-score-change", { ...movement(before.rank - self.rank, "places"), ...movement(delta, "points"), date: snapshot.createdAt }));
  }
  lines.push(line("bot-score-indices", {}, "bold"));
  for (const index of self.indices.filter((i) => i.max > 0)) {
    lines.push(line("bot-score-index", { code: index.code, name: index.name, points: index.points, max: index.max }));
  }
  if (self.bonusPoints > 0 || self.penaltyPoints > 0) lines.push(line("bot-score-adjustments", { bonus: self.bonusPoints, penalty: self.penaltyPoints }));
  lines.push(self.missing.length > 0 ? line("bot-score-missing", { count: self.missing.length }) : line("bot-score-complete"));
  return [reply(lines, MORE)];
}

/** "điểm 6.2 của sở em": the unit's figure and points on one item, as scored now. */
export async function itemScore(deps: CoreDeps, session: Session, code: string): Promise<Reply[]> {
  const result = await unitView(deps, session);
  if (!result.ok) return result.replies;
  const { unit, ruleset, self, reviewed, period } = result.view;
  const node = deps.catalog.item(ruleset.id, code);
  // After publication, the reviewed points are the result; before it, the unit's own figures score provisionally.
  const published = (await officialResult(deps.store, period, unit.id)) !== null;
  const item = (published ? reviewed : self).items.find((i) => i.code === code);
  if (!node) return [reply([line("bot-ask-no-code", { code, title: ruleset.title })])];
  const head = { code, name: node.name, unit: unit.name };
  const lines: Line[] = !item
    ? [line("bot-item-score-parent", head, "bold")]
    : item.status === "missing"
      ? [line("bot-item-score-missing", { ...head, max: item.max }, "bold")]
      : item.status === "not_applicable"
        ? [line("bot-item-score-na", head, "bold")]
        : [line(published ? "bot-item-score-official" : "bot-item-score", {
            ...head, points: item.points, max: item.max, value: item.figure ? figureText(item.figure, node) : "",
          }, "bold")];
  return [reply(lines, [[{ label: line("bot-item-score-how"), action: `item:${ruleset.id}:${code}:how` }]])];
}

/** /thieu: items without a figure, largest first, with the points at stake. */
export async function missing(deps: CoreDeps, session: Session): Promise<Reply[]> {
  const result = await unitView(deps, session);
  if (!result.ok) return result.replies;
  const { unit, ruleset, self, period } = result.view;
  const official = await officialResult(deps.store, period, unit.id);
  if (official) return [reply([line("bot-missing-published", { year: String(period.year), date: official.at })])];
  const outcome = await deps.scores.get(period.id);
  const given = await deps.store.evidence.itemsWithEvidence(period.id);
  // What a reviewer asked for, with the date it is due: the unit owes it as much as a missing figure.
  const requested = (outcome.ok ? outcome.scores.figures : [])
    .filter((f) => f.unitId === unit.id && f.status === "evidence_requested")
    .sort((a, b) => a.itemCode.localeCompare(b.itemCode, "vi", { numeric: true }));
  const requestLines: Line[] = requested.length === 0
    ? []
    : [
        line("bot-missing-requested-title", { count: requested.length }, "bold"),
        ...requested.map((f) => line("bot-missing-requested-item", {
          code: f.itemCode, name: deps.catalog.item(ruleset.id, f.itemCode)?.name ?? "", date: f.evidenceDue, note: f.reviewNote || "none",
        })),
      ];
  const evidence = outcome.ok
    ? needingEvidence(deps.catalog, outcome.scores.ruleset.id, outcome.scores.figures.filter((f) => f.unitId === unit.id), given)
    : [];
  const evidenceLines: Line[] = evidence.length === 0
    ? []
    : [
        line("bot-missing-evidence-title", { count: evidence.length }, "bold"),
        ...evidence.map((e) => line("bot-missing-evidence-item", { code: e.code, name: e.name })),
        line("bot-missing-evidence-how"),
      ];
  if (self.missing.length === 0 && self.invalid.length === 0) return [reply([line("bot-missing-none", { unit: unit.name }), ...requestLines, ...evidenceLines])];
  const items = self.items.filter((i) => i.status === "missing" && i.effect === "base").sort((a, b) => b.max - a.max);
  const lines: Line[] = [line("bot-missing-title", { unit: unit.name, count: items.length, points: items.reduce((a, i) => a + i.max, 0) }, "bold")];
  for (const item of items) lines.push(line("bot-missing-item", { code: item.code, name: deps.catalog.item(ruleset.id, item.code)?.name ?? "", max: item.max }));
  if (self.invalid.length > 0) lines.push(line("bot-missing-invalid", { codes: self.invalid.join(", ") }));
  lines.push(line("bot-missing-how", exampleArgs(examplesOf(deps.catalog, ruleset))), ...requestLines, ...evidenceLines);
  return [reply(lines)];
}

/** The class named in a message ("lên loại xuất sắc"), by its name in the ruleset, longest name first ("trung bình khá" before "khá"). */
function classAsked(ruleset: Ruleset, text: string): Band | null {
  const folded = ` ${fold(text)} `;
  const bands = [...(ruleset.classification?.bands ?? [])].sort((a, b) => b.name.length - a.name.length);
  return bands.find((b) => folded.includes(` ${fold(b.name)} `)) ?? null;
}

/** The items that add most points if brought to full marks (for a set without classes, or the next period). */
function biggestGains(self: UnitScore, count: number) {
  return self.items
    .filter((i) => i.effect === "base" && (i.status === "scored" || i.status === "missing" || i.status === "invalid") && i.max - i.points > 0)
    .sort((a, b) => (b.max - b.points) - (a.max - a.points) || a.code.localeCompare(b.code, "vi", { numeric: true }))
    .slice(0, count);
}

/** /muctieu [loại]: the fewest items that lift the unit into the next class, or the class asked for. */
export async function target(deps: CoreDeps, session: Session, text = ""): Promise<Reply[]> {
  const result = await unitView(deps, session);
  if (!result.ok) return result.replies;
  const { ruleset, self, period, unit, reviewed } = result.view;
  const official = await officialResult(deps.store, period, unit.id);
  if (official) return [reply(officialTargetLines({ catalog: deps.catalog, ruleset, official, reviewed, year: period.year }))];
  const itemLine = (i: { code: string; points: number; max: number; gain: number; missing: boolean }) => line("bot-target-item", {
    code: i.code, name: deps.catalog.item(ruleset.id, i.code)?.name ?? "", points: i.points, max: i.max, gain: i.gain, missing: i.missing ? "yes" : "no",
  });
  if (!ruleset.classification) {
    // No classes to reach: where the most points are still to be earned.
    const gains = biggestGains(self, 5).map((i) => ({ ...i, gain: Math.round((i.max - i.points) * 100) / 100, missing: i.status === "missing" }));
    return [reply([line("bot-target-no-classes"), ...(gains.length > 0 ? [line("bot-target-no-classes-gains", { total: self.total, max: self.applicableMax }), ...gains.map(itemLine)] : [])])];
  }
  const asked = classAsked(ruleset, text);
  const gap = nextClassGap(ruleset, self, asked?.id);
  if (asked && !gap && self.className) return [reply([line("bot-target-reached", { asked: asked.name, className: self.className })])];
  if (!gap) return [reply([line("bot-target-top", { className: self.className ?? "" })])];
  const lines: Line[] = [line("bot-target-title", { className: gap.target.name, from: gap.target.from, needed: gap.pointsNeeded }, "bold")];
  if (!gap.reachable) lines.push(line("bot-target-unreachable"));
  lines.push(...gap.items.map(itemLine));
  return [reply(lines)];
}

/** /xephang: leaders and admins see the group's list (totals only) in private; officers, and group chats, the unit's own place. */
export async function ranking(deps: CoreDeps, session: Session): Promise<Reply[]> {
  const result = await unitView(deps, session);
  if (!result.ok) return result.replies;
  const { unit, period, group, self, ruleset } = result.view;
  // In a group chat everyone there reads the answer, so it shows only what any member may see.
  const canSeeList = session.inbound.chatType === "private" && (session.isAdmin || rolesIn(session, unit.id).has("leader"));
  const official = await officialResult(deps.store, period, unit.id);
  if (official) {
    const names = new Map<number, string>();
    for (const u of canSeeList ? official.group : [official.own]) {
      names.set(u.unitId, (await deps.store.units.byId(u.unitId))?.name ?? String(u.unitId));
    }
    const lines = officialRankingLines({
      groupName: group.groupName, year: period.year, official, unitId: unit.id, names, ruleset, full: canSeeList,
    });
    return [reply(lines)];
  }
  const header = line("bot-ranking-title", { group: group.groupName, year: String(period.year), size: group.self.units.length }, "bold");
  if (!canSeeList) return [reply([header, line("bot-ranking-own", { unit: unit.name, rank: self.rank, size: group.self.units.length, total: self.total }), line("bot-ranking-leaders-only")])];
  const units = await Promise.all(group.self.units.map(async (u) => ({ score: u, record: await deps.store.units.byId(Number(u.unitId)) })));
  const lines: Line[] = [header];
  for (const { score: u, record } of units) {
    lines.push(line(u.unitId === String(unit.id) ? "bot-ranking-row-own" : "bot-ranking-row", {
      rank: u.rank, unit: record?.name ?? u.unitId, total: u.total, max: u.applicableMax, className: u.className ?? "none",
    }));
  }
  return [reply(lines)];
}
