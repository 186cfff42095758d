import { exampleArgs, examplesOf } from "../examples.js";
import { parseErrorArgs } from "../../i18n/parse-error.js";
import { parseFigure, whatIf, type Figure, type Ruleset, type WhatIf } from "../../scoring/index.js";
import { FIGURE_LINE, figureCode, splitFigureLines } from "../intents.js";
import type { PeriodRecord, UnitRecord } from "../ports/records.js";
import type { LockStage } from "../ports/store.js";
import { line, movement, reply, type Line, type Reply } from "../reply.js";
import { periodForUnit, rolesIn, type CoreDeps, type Session } from "../session.js";
import { daysLeft } from "./dates.js";
import { entryLines } from "./figure-preview.js";

/** How long a preview waits for its "Xác nhận". */
export const PENDING_TTL_MS = 30 * 60_000;

/** One change in a preview: a figure as typed, or (figure null) the figure withdrawn. */
export interface SubmitEntry {
  readonly code: string;
  readonly raw: string | null;
  readonly figure: Figure | null;
}

export interface PendingSubmit {
  readonly unitId: number;
  readonly periodId: number;
  readonly entries: readonly SubmitEntry[];
  /** Set when a later message joined this preview into a new one: this one can no longer be confirmed. */
  readonly supersededBy?: number;
}

export type WritableTarget = { ok: true; unit: UnitRecord; period: PeriodRecord; ruleset: Ruleset } | { ok: false; replies: Reply[] };

/** The reply for a write the store refused: locked at the stage's deadline, or the period no longer open. */
export function refusedReply(unit: UnitRecord, period: PeriodRecord, reason: "locked" | "period_closed", stage: LockStage = "submission"): Reply {
  if (reason === "period_closed") return reply([line("bot-period-not-open", { year: String(period.year), status: period.status })]);
  const due = (period.deadlines.find((d) => d.kind === stage) ?? period.deadlines.find((d) => d.kind === "submission"))?.dueAt ?? null;
  return reply([line(stage === "leader_approval" ? "bot-locked-approval" : "bot-locked", { date: due, unit: unit.name })]);
}

/**
 * The unit and period someone may write to now (officers enter figures,
 * leaders approve them), or the replies that say why not: not bound, no such
 * role in the unit, no period, or locked at the stage's deadline. The unit
 * is the one the person works on, unless a confirmation names its own.
 */
export async function writableTarget(
  deps: CoreDeps, session: Session, role: "officer" | "leader" = "officer", unitIn: UnitRecord | null = session.unit,
): Promise<WritableTarget> {
  if (!session.person) return { ok: false, replies: [reply([line("bot-not-bound"), line("bot-start-how")])] };
  const unit = unitIn;
  if (!unit || !rolesIn(session, unit.id).has(role)) {
    if (!unit) return { ok: false, replies: [reply([line(role === "officer" ? "bot-need-officer-no-unit" : "bot-need-leader-no-unit")])] };
    return { ok: false, replies: [reply([line(role === "officer" ? "bot-need-officer" : "bot-need-leader", { unit: unit.name })])] };
  }
  const found = await periodForUnit(deps, unit);
  if (!found) return { ok: false, replies: [reply([line("bot-no-period", { unit: unit.name })])] };
  const { period, ruleset } = found;
  const stage: LockStage = role === "leader" ? "leader_approval" : "submission";
  if (period.status !== "open") return { ok: false, replies: [refusedReply(unit, period, "period_closed")] };
  if (await deps.store.periods.isLocked(period.id, unit.id, deps.now(), stage)) return { ok: false, replies: [refusedReply(unit, period, "locked", stage)] };
  return { ok: true, unit, period, ruleset };
}

interface ParsedLines {
  readonly entries: SubmitEntry[];
  readonly problems: Line[];
}

const POLITE_TAIL = /(?:\s+(?:nhé|nhe|nha|nhá|nhen|ạ|ah|đi|di|giúp em|giup em|với ạ|voi a))+[\s.!]*$/iu;

/** Read "4.14 = 394/508" lines against the unit's ruleset; every bad line gets its own reason. */
export function readLines(deps: CoreDeps, ruleset: Ruleset, body: string): ParsedLines {
  const entries: SubmitEntry[] = [];
  const problems: Line[] = [];
  const seen = new Set<string>();
  splitFigureLines(body).forEach((raw, i) => {
    const n = i + 1;
    const m = FIGURE_LINE.exec(raw);
    if (!m) {
      problems.push(line("bot-submit-line-form", { n, line: raw }));
      return;
    }
    const [, written, , typed] = m as unknown as [string, string, string, string];
    // "1.2 = 80% nhé": the polite word after the value is not part of it.
    const value = typed.replace(POLITE_TAIL, "") || typed;
    // "6,2 = 85": the code with a decimal comma, as Vietnamese write numbers.
    const code = figureCode(written);
    const node = deps.catalog.item(ruleset.id, code);
    if (!node) return void problems.push(line("bot-submit-line-unknown", { n, code }));
    if (node.children.length > 0) {
      return void problems.push(line("bot-submit-line-parent", { n, code, children: node.children.map((c) => c.code).join(", ") }));
    }
    if (seen.has(code)) return void problems.push(line("bot-submit-line-twice", { n, code }));
    const parsed = parseFigure(value, node);
    if (!parsed.ok) {
      const { key, args } = parseErrorArgs(parsed.error);
      problems.push(line("bot-submit-line-bad", { n, code, value }), line(key, args));
      return;
    }
    seen.add(code);
    entries.push({ code, raw: value.trim(), figure: parsed.figure });
  });
  return { entries, problems };
}

/** The unit's provisional total now and with some figures changed. */
export async function preview(
  deps: CoreDeps, unit: UnitRecord, periodId: number, ruleset: Ruleset, changes: ReadonlyMap<string, Figure | null>,
) {
  const outcome = await deps.scores.get(periodId);
  if (!outcome.ok) return null;
  const group = outcome.scores.groups.find((g) => g.inputs.some((u) => u.unitId === String(unit.id)));
  if (!group) return null;
  const result = whatIf(ruleset, group.inputs, String(unit.id), changes, { mergers: group.mergers });
  return result.ok ? { whatIf: result.whatIf, groupSize: group.self.units.length } : null;
}

/** "Tổng điểm tạm tính: 57,19 → 60,39/100 (+3,2), xếp thứ 9/20". */
function totalLine(p: { whatIf: WhatIf; groupSize: number }): Line {
  return line("bot-submit-total", {
    before: p.whatIf.before.total, after: p.whatIf.after.total, max: p.whatIf.after.applicableMax, ...movement(p.whatIf.totalDelta, "delta"),
    rank: p.whatIf.after.rank, size: p.groupSize,
  });
}

/** /nop and "4.14 = 77,6%": parse, show what each figure earns and the new total, wait for confirmation. */
export async function submit(deps: CoreDeps, session: Session, body: string): Promise<Reply[]> {
  const target = await writableTarget(deps, session);
  if (!target.ok) return target.replies;
  const { ruleset } = target;
  const args = exampleArgs(examplesOf(deps.catalog, ruleset));
  const example = line("bot-submit-example", args);
  if (!body.trim()) return [reply([line("bot-submit-how", {}, "bold"), example, line("bot-submit-how-edit", args)])];
  const { entries, problems } = readLines(deps, ruleset, body);
  if (entries.length === 0) return [reply([line("bot-submit-none"), ...problems, example])];
  return changesPreview(deps, session, target, entries, problems);
}

/** /huy 4.14: withdraw a figure (a new revision without a figure; the history stays), previewed like any change. */
export async function withdraw(deps: CoreDeps, session: Session, code: string | undefined): Promise<Reply[]> {
  const target = await writableTarget(deps, session);
  if (!target.ok) return target.replies;
  const { unit, period, ruleset } = target;
  if (!code) return [reply([line("bot-withdraw-how", exampleArgs(examplesOf(deps.catalog, ruleset)))])];
  const current = (await deps.store.figures.currentForUnit(period.id, unit.id)).find((f) => f.itemCode === code && f.figure);
  if (!current) return [reply([line("bot-withdraw-nothing", { code })])];
  return changesPreview(deps, session, target, [{ code, raw: null, figure: null }], []);
}

/**
 * The preview of a batch of changes, waiting for one tap. A change sent while
 * an earlier preview of the same unit still waits joins it: the new preview
 * holds both, and the earlier one can no longer be confirmed alone (its
 * buttons say where it went), so a figure sent in a message of its own is
 * never left behind unsaved.
 */
async function changesPreview(
  deps: CoreDeps, session: Session, target: { unit: UnitRecord; period: PeriodRecord; ruleset: Ruleset },
  added: readonly SubmitEntry[], problems: readonly Line[],
): Promise<Reply[]> {
  const { unit, period, ruleset } = target;
  const now = deps.now();
  const waiting = await deps.store.pending.latest(session.identity.id, "submit", now);
  const earlier = waiting && isJoinable(waiting.payload, unit.id, period.id) ? waiting : null;
  const codes = new Set(added.map((e) => e.code));
  const kept = earlier ? (earlier.payload as PendingSubmit).entries.filter((e) => !codes.has(e.code)) : [];
  const entries = [...kept, ...added];
  const p = await preview(deps, unit, period.id, ruleset, new Map(entries.map((e) => [e.code, e.figure] as const)));
  const current = new Map((await deps.store.figures.currentForUnit(period.id, unit.id)).map((f) => [f.itemCode, f]));
  const files = new Set<string>();
  for (const entry of entries) if ((await deps.store.evidence.forItem(period.id, unit.id, entry.code)).length > 0) files.add(entry.code);
  const lines: Line[] = [line(kept.length > 0 ? "bot-submit-preview-joined" : "bot-submit-preview", {
    unit: unit.name, year: String(period.year), count: entries.length, earlier: kept.length,
  }, "bold")];
  for (const entry of entries) {
    lines.push(...entryLines(deps.catalog.item(ruleset.id, entry.code), entry, p?.whatIf ?? null, {
      current: current.get(entry.code) ?? null, files: files.has(entry.code) ? 1 : 0,
    }));
  }
  if (problems.length > 0) lines.push(line("bot-submit-problems", { count: problems.length }, "bold"), ...problems);
  if (p) lines.push(totalLine(p));
  const due = period.deadlines.find((d) => d.kind === "submission")?.dueAt;
  if (due) lines.push(line("bot-submit-due", { date: due, days: daysLeft(now, due) }));
  const payload: PendingSubmit = { unitId: unit.id, periodId: period.id, entries };
  const id = await deps.store.pending.create(session.identity.id, "submit", payload, new Date(now.getTime() + PENDING_TTL_MS));
  if (earlier) {
    await deps.store.pending.update(earlier.id, session.identity.id, { ...(earlier.payload as PendingSubmit), supersededBy: id });
  }
  // Evidence typed with a figure goes with its new value unless the officer says it no longer applies.
  const withEvidence = entries.some((e) => e.figure !== null && (current.get(e.code)?.evidence.length ?? 0) > 0);
  const buttons = [
    [{ label: line("bot-button-confirm"), action: `ok:${id}` }, { label: line("bot-button-cancel"), action: `no:${id}` }],
    ...(withEvidence ? [[{ label: line("bot-button-confirm-detach"), action: `okd:${id}` }]] : []),
  ];
  return [reply(lines, buttons)];
}

const isJoinable = (payload: unknown, unitId: number, periodId: number): boolean => {
  const p = payload as Partial<PendingSubmit>;
  return p.unitId === unitId && p.periodId === periodId && p.supersededBy === undefined && Array.isArray(p.entries);
};
