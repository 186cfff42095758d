import { exampleArgs, examplesOf } from "../examples.js";
import { parseErrorArgs } from "../../i18n/parse-error.js";
import { explainItem, parseFigure, whatIf, type Figure, type Ruleset, type WhatIf } from "../../scoring/index.js";
import { FIGURE_LINE, splitFigureLines } from "../intents.js";
import type { PeriodRecord, UnitRecord } from "../ports/records.js";
import type { LockStage } from "../ports/store.js";
import { explained, line, movement, reply, type Line, type Reply } from "../reply.js";
import { periodForUnit, rolesIn, type CoreDeps, type Session } from "../session.js";
import { daysLeft } from "./dates.js";

/** How long a preview waits for its "Xác nhận". */
export const PENDING_TTL_MS = 30 * 60_000;

export interface SubmitEntry {
  readonly code: string;
  readonly raw: string;
  readonly figure: Figure;
}

export interface PendingSubmit {
  readonly unitId: number;
  readonly periodId: number;
  readonly entries: readonly SubmitEntry[];
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
    return { ok: false, replies: [reply([line(role === "officer" ? "bot-need-officer" : "bot-need-leader", { unit: unit?.name ?? "" })])] };
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
    const [, written, , value] = m as unknown as [string, string, string, string];
    // "6,2 = 85": the code with a decimal comma, as Vietnamese write numbers.
    const code = written.replace(",", ".");
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
  const { unit, period, ruleset } = target;
  const example = line("bot-submit-example", exampleArgs(examplesOf(deps.catalog, ruleset)));
  if (!body.trim()) return [reply([line("bot-submit-how", {}, "bold"), example])];
  const { entries, problems } = readLines(deps, ruleset, body);
  if (entries.length === 0) return [reply([line("bot-submit-none"), ...problems, example])];
  const changes = new Map(entries.map((e) => [e.code, e.figure] as const));
  const p = await preview(deps, unit, period.id, ruleset, changes);
  const lines: Line[] = [line("bot-submit-preview", { unit: unit.name, year: String(period.year), count: entries.length }, "bold")];
  for (const entry of entries) {
    const item = p?.whatIf.after.items.find((i) => i.code === entry.code);
    const node = deps.catalog.item(ruleset.id, entry.code)!;
    lines.push(item ? explained(explainItem(node, item), "• ") : line("bot-submit-entry", { code: entry.code, value: entry.raw }));
  }
  if (problems.length > 0) lines.push(line("bot-submit-problems", { count: problems.length }, "bold"), ...problems);
  if (p) {
    lines.push(totalLine(p));
  }
  const due = period.deadlines.find((d) => d.kind === "submission")?.dueAt;
  if (due) lines.push(line("bot-submit-due", { date: due, days: daysLeft(deps.now(), due) }));
  const payload: PendingSubmit = { unitId: unit.id, periodId: period.id, entries };
  const id = await deps.store.pending.create(session.identity.id, "submit", payload, new Date(deps.now().getTime() + PENDING_TTL_MS));
  return [reply(lines, [[{ label: line("bot-button-confirm"), action: `ok:${id}` }, { label: line("bot-button-cancel"), action: `no:${id}` }]])];
}

/** /huy 4.14: withdraw a figure (a new revision without a figure; the history stays). */
export async function withdraw(deps: CoreDeps, session: Session, code: string | undefined): Promise<Reply[]> {
  const target = await writableTarget(deps, session);
  if (!target.ok) return target.replies;
  const { unit, period, ruleset } = target;
  if (!code) return [reply([line("bot-withdraw-how", exampleArgs(examplesOf(deps.catalog, ruleset)))])];
  const current = (await deps.store.figures.currentForUnit(period.id, unit.id)).find((f) => f.itemCode === code && f.figure);
  if (!current) return [reply([line("bot-withdraw-nothing", { code })])];
  const p = await preview(deps, unit, period.id, ruleset, new Map([[code, null]]));
  const id = await deps.store.pending.create(session.identity.id, "withdraw", { unitId: unit.id, periodId: period.id, code },
    new Date(deps.now().getTime() + PENDING_TTL_MS));
  return [reply([
    line("bot-withdraw-preview", { code, value: current.rawValue ?? "", unit: unit.name }, "bold"),
    ...(p ? [totalLine(p)] : []),
  ], [[{ label: line("bot-button-confirm"), action: `ok:${id}` }, { label: line("bot-button-cancel"), action: `no:${id}` }]])];
}
