import { needingEvidence } from "../notify/jobs.js";
import type { FigureRecord, PeriodDeadlineKind, RoleName } from "../ports/records.js";
import { figureText } from "./figure-preview.js";
import { line, reply, type Line, type Reply } from "../reply.js";
import { periodForUnit, rolesIn, type CoreDeps, type Session, noUnitLine } from "../session.js";
import { daysLeft } from "./dates.js";
import { officialResult } from "./official.js";
import type { PendingApprove } from "./confirm.js";
import { PENDING_TTL_MS, writableTarget } from "./submit.js";

/** The deadlines each role acts on. */
const ROLE_DEADLINES: Record<RoleName, readonly PeriodDeadlineKind[]> = {
  officer: ["submission", "appeal"],
  leader: ["submission", "leader_approval", "appeal", "publication"],
  reviewer: ["review"],
  admin: ["submission", "leader_approval", "review", "appeal", "publication"],
};

/** /hanchot: the deadlines that apply to this person, with the days left. */
export async function deadlines(deps: CoreDeps, session: Session): Promise<Reply[]> {
  if (!session.person) return [reply([line("bot-not-bound"), line("bot-start-how")])];
  const unit = session.unit;
  if (!unit) return [reply([noUnitLine(session)])];
  const found = await periodForUnit(deps, unit);
  if (!found) return [reply([line("bot-no-period", { unit: unit.name })])];
  const official = await officialResult(deps.store, found.period, unit.id);
  if (official) return [reply([line("bot-deadlines-published", { unit: unit.name, year: String(found.period.year), date: official.at })])];
  const roles = new Set<RoleName>([...rolesIn(session, unit.id), ...(session.isAdmin ? ["admin" as const] : [])]);
  const kinds = new Set([...roles].flatMap((r) => ROLE_DEADLINES[r]));
  const now = deps.now();
  const lines: Line[] = [line("bot-deadlines-title", { unit: unit.name, year: String(found.period.year) }, "bold")];
  for (const d of found.period.deadlines.filter((x) => kinds.has(x.kind))) {
    const days = daysLeft(now, d.dueAt);
    lines.push(line(days < 0 ? "bot-deadline-passed" : "bot-deadline", { kind: d.kind, date: d.dueAt, days }));
  }
  const reopened = (await deps.store.periods.reopenings(found.period.id)).filter((r) => r.unitId === unit.id && r.until > now);
  for (const r of reopened) lines.push(line("bot-deadline-reopened", { date: r.until }));
  if (lines.length === 1) lines.push(line("bot-deadlines-none"));
  return [reply(lines)];
}

/**
 * /duyet: a leader approves the unit's submitted figures, after one
 * confirmation. Each is shown as it scores (value and points, in code
 * order) with the unit's provisional total; an item whose rule demands
 * evidence that has none is listed apart and left out, so the rest can be
 * approved now.
 */
export async function approve(deps: CoreDeps, session: Session): Promise<Reply[]> {
  const target = await writableTarget(deps, session, "leader");
  if (!target.ok) return target.replies;
  const { unit, period, ruleset } = target;
  const byCode = (a: FigureRecord, b: FigureRecord) => a.itemCode.localeCompare(b.itemCode, "vi", { numeric: true });
  const waiting = (await deps.store.figures.currentForUnit(period.id, unit.id))
    .filter((f) => f.status === "submitted" && f.figure).sort(byCode);
  if (waiting.length === 0) return [reply([line("bot-approve-nothing", { unit: unit.name })])];
  const withEvidence = await deps.store.evidence.itemsWithEvidence(period.id);
  const lacking = new Set(needingEvidence(deps.catalog, ruleset.id, waiting, withEvidence).map((e) => e.code));
  const ready = waiting.filter((f) => !lacking.has(f.itemCode));
  const outcome = await deps.scores.get(period.id);
  const self = outcome.ok ? outcome.scores.groups.flatMap((g) => g.self.units).find((u) => u.unitId === String(unit.id)) : undefined;
  const points = new Map((self?.items ?? []).map((i) => [i.code, i]));
  const itemLine = (f: FigureRecord) => {
    const node = deps.catalog.item(ruleset.id, f.itemCode);
    const scored = points.get(f.itemCode);
    return line("bot-approve-item", {
      code: f.itemCode, name: node?.name ?? "", value: f.figure ? figureText(f.figure, node) : f.rawValue ?? "",
      points: scored?.points ?? 0, max: scored?.max ?? 0, by: f.enteredByLabel,
    });
  };
  const apart: Line[] = lacking.size === 0
    ? []
    : [line("bot-approve-lacking", { count: lacking.size }, "bold"), ...waiting.filter((f) => lacking.has(f.itemCode)).map(itemLine), line("bot-approve-lacking-how")];
  const total = self ? [line("bot-approve-total", { total: self.total, max: self.applicableMax })] : [];
  if (ready.length === 0) return [reply([line("bot-approve-none-ready", { unit: unit.name }, "bold"), ...apart, ...total])];
  const items = ready.map((f) => ({ itemCode: f.itemCode, revision: f.revision }));
  const payload: PendingApprove = { unitId: unit.id, periodId: period.id, items };
  const id = await deps.store.pending.create(session.identity.id, "approve", payload, new Date(deps.now().getTime() + PENDING_TTL_MS));
  const shown = ready.slice(0, 30);
  return [reply([
    line("bot-approve-preview", { count: ready.length, unit: unit.name }, "bold"),
    ...shown.map(itemLine),
    ...(ready.length > shown.length ? [line("bot-approve-more", { count: ready.length - shown.length })] : []),
    ...total,
    ...apart,
  ], [[{ label: line("bot-button-approve"), action: `ok:${id}` }, { label: line("bot-button-cancel"), action: `no:${id}` }]])];
}
