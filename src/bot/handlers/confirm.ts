import type { Ruleset } from "../../scoring/index.js";
import type { OutboxInput } from "../ports/delivery.js";
import type { FigureRecord, PeriodRecord, UnitRecord } from "../ports/records.js";
import type { FigureInput } from "../ports/store.js";
import { line, reply, type Reply } from "../reply.js";
import type { CoreDeps, Session } from "../session.js";
import { reviewOf } from "./figure-preview.js";
import { preview, refusedReply, writableTarget, type PendingSubmit } from "./submit.js";
import type { Confirmable, TapAnswer } from "./tap.js";

export type { TapAnswer, TapOutcome } from "./tap.js";

/** Actions of other handlers that wait for a tap (publication, broadcast), by pending kind: the core passes them in. */
export type Confirmables = ReadonlyMap<string, Confirmable>;

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
export async function confirm(
  deps: CoreDeps, session: Session, id: number, detach: boolean, confirmables: Confirmables,
): Promise<TapAnswer> {
  const now = deps.now();
  const pending = await deps.store.pending.peek(id, session.identity.id, now);
  if (!pending.ok) return pending.reason === "not_yours" ? notYours() : gone();
  const person = session.person;
  if (!person) return { replies: [reply([line("bot-not-bound")])], tap: "gone" };
  const registered = confirmables.get(pending.kind);
  if (registered) return registered.confirm(deps, session, id, pending.payload, { detach });
  const use = { id, identityId: session.identity.id };
  const base = { enteredBy: person.id, enteredByLabel: person.fullName, channel: session.inbound.channel };
  const payload = pending.payload as { unitId: number; periodId: number };
  // The confirmation acts on the unit it was made for, whichever unit the person has switched to since.
  const unit = session.units.get(payload.unitId) ?? (await deps.store.units.byId(payload.unitId));

  if (pending.kind === "submit" || pending.kind === "withdraw") {
    const submitted = pending.kind === "submit"
      ? pending.payload as PendingSubmit
      : { ...payload, entries: [{ code: (pending.payload as { code: string }).code, raw: null, figure: null }] };
    // Joined into a later preview: that one holds this change too.
    if (submitted.supersededBy !== undefined) return { replies: [reply([line("bot-pending-superseded")])], tap: "gone" };
    // The officer's role and the deadline are checked again: either may have changed since the preview.
    const target = await writableTarget(deps, session, "officer", unit);
    if (!target.ok) return { replies: target.replies, tap: "done" };
    if (target.period.id !== payload.periodId) return gone();
    const current = new Map((await deps.store.figures.currentForUnit(target.period.id, target.unit.id)).map((f) => [f.itemCode, f]));
    const inputs: FigureInput[] = submitted.entries.map((e) => ({
      periodId: target.period.id, unitId: target.unit.id, itemCode: e.code, rawValue: e.raw, figure: e.figure,
      status: e.figure === null ? "withdrawn" as const : "submitted" as const, ...base,
      // Evidence typed with the earlier figure stays with the new one, unless the officer said it no longer applies.
      evidence: e.figure === null || detach ? [] : current.get(e.code)?.evidence ?? [],
    }));
    const notices = await reviewersToTell(deps, target, submitted.entries.map((e) => e.code), current, person.fullName);
    const result = await deps.store.figures.recordMany(inputs, now, { source: "chat", pending: use, notices });
    if (!result.ok) return result.reason === "pending_gone" ? gone() : { replies: [refusedReply(target.unit, target.period, result.reason)], tap: "done" };
    if (notices.length > 0) deps.delivery?.wake();
    const withdrawn = inputs.filter((i) => i.figure === null).length;
    const lines = [line(withdrawn === inputs.length ? "bot-withdrawn" : "bot-saved", { count: result.count, unit: target.unit.name })];
    if (notices.length > 0) lines.push(line("bot-saved-review-reopened", { count: notices.length }));
    const after = await standing(deps, target);
    return { replies: after ? [reply(lines), after] : [reply(lines)], tap: "done" };
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

/**
 * Reviewers whose corrections a new figure sets aside: each is told, in the
 * same transaction as the write, and the item is back in their queue.
 */
async function reviewersToTell(
  deps: CoreDeps, target: { unit: UnitRecord; period: PeriodRecord }, codes: readonly string[],
  current: ReadonlyMap<string, FigureRecord>, by: string,
): Promise<OutboxInput[]> {
  const reviewed = codes.map((c) => reviewOf(current.get(c) ?? null)).filter((f): f is FigureRecord => f !== null && f.enteredBy !== null);
  if (reviewed.length === 0 || !deps.delivery) return [];
  const reach = await deps.store.identities.preferred([...new Set(reviewed.map((f) => f.enteredBy!))], deps.delivery.channels);
  return reviewed.flatMap((f) => {
    const identity = reach.get(f.enteredBy!);
    if (!identity) return [];
    return [{
      key: `resubmitted:${target.period.id}:${target.unit.id}:${f.itemCode}:${f.revision}`, identityId: identity.id, kind: "notice" as const,
      notBefore: deps.now(),
      reply: {
        lines: [line("notify-review-resubmitted", { unit: target.unit.name, code: f.itemCode, by }, "bold"), line("notify-review-resubmitted-how", { unit: target.unit.code, code: f.itemCode })],
        buttons: [[{ label: line("bot-button-review-queue"), action: "cmd:thamdinh" }]],
      },
    }];
  });
}

export async function cancel(deps: CoreDeps, session: Session, id: number, confirmables: Confirmables): Promise<TapAnswer> {
  const now = deps.now();
  const pending = await deps.store.pending.peek(id, session.identity.id, now);
  if (!pending.ok) return pending.reason === "not_yours" ? notYours() : gone();
  if (!(await deps.store.pending.take(id, session.identity.id, now))) return gone();
  // Each kind says what was not done: no figure recorded, no result published, no announcement sent.
  return { replies: [reply([line(confirmables.get(pending.kind)?.cancelled ?? "bot-cancelled")])], tap: "done" };
}
