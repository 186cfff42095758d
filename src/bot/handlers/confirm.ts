import type { Ruleset } from "../../scoring/index.js";
import type { PeriodRecord, UnitRecord } from "../ports/records.js";
import type { FigureInput } from "../ports/store.js";
import { line, reply, type Reply } from "../reply.js";
import type { CoreDeps, Session } from "../session.js";
import { broadcastConfirmed, type PendingBroadcast } from "./broadcast.js";
import { publishConfirmed, type PendingPublish } from "./publish.js";
import { preview, refusedReply, writableTarget, type PendingSubmit } from "./submit.js";

/**
 * What became of a tapped button: carried out or cancelled (its buttons can
 * go), already used or expired, or someone else's (a group member tapped a
 * colleague's confirmation: they are told privately, the buttons stay).
 */
export type TapOutcome = "done" | "gone" | "not_yours";

export interface TapAnswer {
  readonly replies: Reply[];
  readonly tap: TapOutcome;
}

export interface PendingApprove {
  readonly unitId: number;
  readonly periodId: number;
  /** The revisions the leader was shown: only these are approved. */
  readonly items: readonly { readonly itemCode: string; readonly revision: number }[];
}

const gone = (): TapAnswer => ({ replies: [reply([line("bot-pending-gone")])], tap: "gone" });
const notYours = (): TapAnswer => ({ replies: [reply([line("bot-pending-not-yours")])], tap: "not_yours" });

/** After a write: the unit's provisional total and rank, as the officer sees them now. */
async function standing(deps: CoreDeps, target: { unit: UnitRecord; period: PeriodRecord; ruleset: Ruleset }): Promise<Reply | null> {
  const p = await preview(deps, target.unit, target.period.id, target.ruleset, new Map());
  if (!p) return null;
  const u = p.whatIf.after;
  return reply([line("bot-saved-total", { total: u.total, max: u.applicableMax, rank: u.rank, size: p.groupSize, className: u.className ?? "none" })]);
}

/**
 * A tap on "Xác nhận": carry out the pending action once. The write and the
 * use of the confirmation are one transaction, so a crash leaves either both
 * or neither, and the re-delivered tap after a restart finds it still usable.
 */
export async function confirm(deps: CoreDeps, session: Session, id: number): Promise<TapAnswer> {
  const now = deps.now();
  const pending = await deps.store.pending.peek(id, session.identity.id, now);
  if (!pending.ok) return pending.reason === "not_yours" ? notYours() : gone();
  const person = session.person;
  if (!person) return { replies: [reply([line("bot-not-bound")])], tap: "gone" };
  if (pending.kind === "publish") return publishConfirmed(deps, session, id, pending.payload as PendingPublish);
  if (pending.kind === "broadcast") return broadcastConfirmed(deps, session, id, pending.payload as PendingBroadcast);
  const use = { id, identityId: session.identity.id };
  const base = { enteredBy: person.id, enteredByLabel: person.fullName, channel: session.inbound.channel };
  const payload = pending.payload as { unitId: number; periodId: number };
  // The confirmation acts on the unit it was made for, whichever unit the person has switched to since.
  const unit = session.units.get(payload.unitId) ?? (await deps.store.units.byId(payload.unitId));

  if (pending.kind === "submit" || pending.kind === "withdraw") {
    // The officer's role and the deadline are checked again: either may have changed since the preview.
    const target = await writableTarget(deps, session, "officer", unit);
    if (!target.ok) return { replies: target.replies, tap: "done" };
    if (target.period.id !== payload.periodId) return gone();
    const inputs: FigureInput[] = pending.kind === "submit"
      ? (pending.payload as PendingSubmit).entries.map((e) => ({
          periodId: target.period.id, unitId: target.unit.id, itemCode: e.code, rawValue: e.raw, figure: e.figure, status: "submitted" as const, ...base,
        }))
      : [{ periodId: target.period.id, unitId: target.unit.id, itemCode: (pending.payload as { code: string }).code, rawValue: null, figure: null, status: "withdrawn" as const, ...base }];
    const result = await deps.store.figures.recordMany(inputs, now, { source: "chat", pending: use });
    if (!result.ok) return result.reason === "pending_gone" ? gone() : { replies: [refusedReply(target.unit, target.period, result.reason)], tap: "done" };
    const done = reply([line(pending.kind === "submit" ? "bot-saved" : "bot-withdrawn", { count: result.count, unit: target.unit.name })]);
    const after = await standing(deps, target);
    return { replies: after ? [done, after] : [done], tap: "done" };
  }

  if (pending.kind === "approve") {
    const target = await writableTarget(deps, session, "leader", unit);
    if (!target.ok) return { replies: target.replies, tap: "done" };
    if (target.period.id !== payload.periodId) return gone();
    const { items } = pending.payload as PendingApprove;
    const result = await deps.store.figures.approve({
      periodId: target.period.id, unitId: target.unit.id, items, personId: person.id, label: person.fullName,
      channel: session.inbound.channel, pending: use,
    }, now);
    if (!result.ok) {
      return result.reason === "pending_gone" ? gone() : { replies: [refusedReply(target.unit, target.period, result.reason, "leader_approval")], tap: "done" };
    }
    const lines = [line("bot-approved", { count: result.approved.length, unit: target.unit.name })];
    if (result.changed.length > 0) lines.push(line("bot-approve-changed", { count: result.changed.length, codes: result.changed.join(", ") }));
    return { replies: [reply(lines)], tap: "done" };
  }
  return gone();
}

export async function cancel(deps: CoreDeps, session: Session, id: number): Promise<TapAnswer> {
  const now = deps.now();
  const pending = await deps.store.pending.peek(id, session.identity.id, now);
  if (!pending.ok) return pending.reason === "not_yours" ? notYours() : gone();
  if (!(await deps.store.pending.take(id, session.identity.id, now))) return gone();
  return { replies: [reply([line("bot-cancelled")])], tap: "done" };
}
