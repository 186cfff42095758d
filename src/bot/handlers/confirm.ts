import type { FigureInput } from "../ports/store.js";
import { line, reply, type Reply } from "../reply.js";
import type { CoreDeps, Session } from "../session.js";
import { preview, writableTarget, type PendingSubmit } from "./submit.js";

/** After a write: the unit's provisional total and rank, as the officer sees them now. */
async function standing(deps: CoreDeps, session: Session, unitId: number, periodId: number): Promise<Reply | null> {
  const unit = session.unit;
  if (!unit || unit.id !== unitId) return null;
  const target = await writableTarget(deps, session).catch(() => null);
  const ruleset = target?.ok ? target.ruleset : null;
  if (!ruleset) return null;
  const p = await preview(deps, unit, periodId, ruleset, new Map());
  if (!p) return null;
  const u = p.whatIf.after;
  return reply([line("bot-saved-total", { total: u.total, max: u.applicableMax, rank: u.rank, size: p.groupSize, className: u.className ?? "none" })]);
}

/** A tap on "Xác nhận": carry out the pending action, once. */
export async function confirm(deps: CoreDeps, session: Session, id: number): Promise<Reply[]> {
  const now = deps.now();
  const pending = await deps.store.pending.take(id, session.identity.id, now);
  if (!pending) return [reply([line("bot-pending-gone")])];
  const person = session.person;
  if (!person) return [reply([line("bot-not-bound")])];
  const base = { enteredBy: person.id, enteredByLabel: person.fullName, channel: session.inbound.channel };

  if (pending.kind === "submit" || pending.kind === "withdraw") {
    // The officer's role and the deadline are checked again: either may have changed since the preview.
    const target = await writableTarget(deps, session);
    if (!target.ok) return target.replies;
    const inputs: FigureInput[] = pending.kind === "submit"
      ? (pending.payload as PendingSubmit).entries.map((e) => ({
          periodId: target.period.id, unitId: target.unit.id, itemCode: e.code, rawValue: e.raw, figure: e.figure, status: "submitted" as const, ...base,
        }))
      : [{ periodId: target.period.id, unitId: target.unit.id, itemCode: (pending.payload as { code: string }).code, rawValue: null, figure: null, status: "withdrawn" as const, ...base }];
    const payloadUnit = (pending.payload as { unitId: number }).unitId;
    if (payloadUnit !== target.unit.id) return [reply([line("bot-pending-gone")])];
    let saved = 0;
    for (const input of inputs) {
      const result = await deps.store.figures.record(input, now);
      if (!result.ok) return [reply([line(result.reason === "locked" ? "bot-locked" : "bot-period-not-open", { unit: target.unit.name, date: null, year: String(target.period.year), status: target.period.status })])];
      saved += 1;
    }
    const after = await standing(deps, session, target.unit.id, target.period.id);
    const done = reply([line(pending.kind === "submit" ? "bot-saved" : "bot-withdrawn", { count: saved, unit: target.unit.name })]);
    return after ? [done, after] : [done];
  }

  if (pending.kind === "approve") {
    const target = await writableTarget(deps, session, "leader");
    if (!target.ok) return target.replies;
    const current = await deps.store.figures.currentForUnit(target.period.id, target.unit.id);
    const waiting = current.filter((f) => f.status === "submitted" && f.figure);
    for (const f of waiting) {
      await deps.store.figures.record({
        periodId: f.periodId, unitId: f.unitId, itemCode: f.itemCode, rawValue: f.rawValue, figure: f.figure, evidence: f.evidence,
        status: "approved", note: null, ...base,
      }, now);
    }
    return [reply([line("bot-approved", { count: waiting.length, unit: target.unit.name })])];
  }
  return [reply([line("bot-pending-gone")])];
}

export async function cancel(deps: CoreDeps, session: Session, id: number): Promise<Reply[]> {
  const pending = await deps.store.pending.take(id, session.identity.id, deps.now());
  return [reply([line(pending ? "bot-cancelled" : "bot-pending-gone")])];
}
