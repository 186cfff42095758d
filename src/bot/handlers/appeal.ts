import { exampleArgs, examplesFor } from "../examples.js";
import type { OutboxInput } from "../ports/delivery.js";
import type { FigureRecord, UnitRecord } from "../ports/records.js";
import type { AppealRecord } from "../ports/review.js";
import { line, reply, text, type Line, type Reply } from "../reply.js";
import { periodForUnit, rolesIn, type CoreDeps, type Session, noUnitLine } from "../session.js";
import { historyLines, reviewedEffect, unitPeople } from "./review.js";

const isCorrection = (f: FigureRecord | undefined) => f?.status === "reviewed" && (f.reviewFigure !== null || f.reviewPoints !== null);

async function tell(deps: CoreDeps, personIds: readonly number[], key: (personId: number) => string, lines: readonly Line[], buttons?: Reply["buttons"]): Promise<OutboxInput[]> {
  const reach = await deps.store.identities.preferred(personIds, deps.delivery?.channels ?? []);
  return [...reach].map(([personId, identity]) => ({
    key: key(personId), identityId: identity.id, kind: "notice" as const, reply: { lines, ...(buttons && { buttons }) }, notBefore: deps.now(),
  }));
}

/**
 * /khieunai 4.14 <lý do>: a unit disputes a reviewer's correction, within
 * the period's appeal window. The provincial admins get it with the item's
 * history and decide; the unit hears the outcome.
 */
export async function fileAppeal(deps: CoreDeps, session: Session, rest: string): Promise<Reply[]> {
  const m = /^\s*(\d{1,2}(?:\.\d{1,2}){1,2})\s+([\s\S]+)$/.exec(rest);
  if (!m) return [reply([line("bot-appeal-how", exampleArgs(await examplesFor(deps, session)))])];
  const [, code, reason] = m as unknown as [string, string, string];
  if (!session.person) return [reply([line("bot-not-bound"), line("bot-start-how")])];
  const unit = session.unit;
  if (!unit) return [reply([noUnitLine(session)])];
  const roles = rolesIn(session, unit.id);
  if (!roles.has("officer") && !roles.has("leader")) return [reply([line("bot-appeal-unit-only", { unit: unit.name })])];
  const found = await periodForUnit(deps, unit);
  if (!found) return [reply([line("bot-no-period", { unit: unit.name })])];
  const { period } = found;
  if (period.status === "published" || period.status === "closed") return [reply([line("bot-appeal-period-closed", { year: String(period.year) })])];
  const due = period.deadlines.find((d) => d.kind === "appeal")?.dueAt ?? null;
  if (due && deps.now() > due) return [reply([line("bot-appeal-late", { date: due })])];
  const history = await deps.store.figures.history(period.id, unit.id, code);
  const current = history.at(-1);
  if (!isCorrection(current)) return [reply([line("bot-appeal-nothing", { code, unit: unit.name })])];
  const item = deps.catalog.item(found.ruleset.id, code);
  const admins = await deps.store.people.holders(unit.provinceId, null, "admin");
  const reach = await deps.store.identities.preferred(admins.map((a) => a.id), deps.delivery?.channels ?? []);
  const by = session.person.fullName;
  // The admins get the appeal with the item's history, in the same transaction that files it.
  const notices = (id: number): OutboxInput[] => [...reach].map(([personId, identity]) => ({
    key: `appeal:${id}:new:${personId}`, identityId: identity.id, kind: "notice" as const, notBefore: deps.now(),
    reply: {
      lines: [
        line("notify-appeal-new", { id, unit: unit.name, code, name: item?.name ?? "", by }, "bold"),
        line("notify-appeal-reason", { reason: reason.trim() }),
        ...historyLines(history),
        line("notify-appeal-how", { id }),
      ],
      buttons: [[{ label: line("bot-appeal-keep"), action: `ap:keep:${id}` }, { label: line("bot-appeal-accept"), action: `ap:self:${id}` }]],
    },
  }));
  const appeal = await deps.store.appeals.file({
    periodId: period.id, unitId: unit.id, itemCode: code, revision: current!.revision, reason: reason.trim(),
    filedBy: session.person.id, filedByLabel: by,
  }, notices, deps.now());
  if (!appeal) return [reply([line("bot-appeal-already", { code })])];
  deps.delivery?.wake();
  return [reply([line("bot-appeal-filed", { id: appeal.id, code, unit: unit.name }, "bold"), ...(due ? [line("bot-appeal-when", { date: due })] : [])])];
}

/** An admin decides: keep the reviewer's correction, or accept the unit's own figure ("ap:keep:12", "/khieunai giu 12 lý do"). */
export async function resolveAppeal(deps: CoreDeps, session: Session, op: "keep" | "self", id: number, note: string): Promise<Reply[]> {
  if (!session.isAdmin) return [reply([line("bot-appeal-admins-only")])];
  if (session.inbound.chatType === "group") return [reply([line("bot-review-private-only")])];
  const appeal = await deps.store.appeals.byId(id);
  const unit = appeal ? await deps.store.units.byId(appeal.unitId) : null;
  if (!appeal || !unit || unit.provinceId !== session.provinceId) return [reply([line("bot-appeal-unknown", { id })])];
  if (appeal.status !== "open") return [reply([line("bot-appeal-decided", { id, status: appeal.status })])];
  const outcome = await deps.scores.get(appeal.periodId);
  if (!outcome.ok) return [reply([line("bot-appeal-unknown", { id })])];
  const { period } = outcome.scores;
  if (period.status !== "open" && period.status !== "review") return [reply([line("bot-appeal-period-closed", { year: String(period.year) })])];
  const current = outcome.scores.figures.find((f) => f.unitId === unit.id && f.itemCode === appeal.itemCode);
  // Decided on what was disputed: a later review of the item has to be looked at first.
  if (!current || current.revision !== appeal.revision) return [reply([line("bot-appeal-changed-since", { id, code: appeal.itemCode })])];
  const reason = note.trim();
  const changed = op === "self" && current ? { ...current, revision: current.revision + 1, reviewFigure: null, reviewPoints: null } : null;
  const effect = changed ? reviewedEffect(outcome.scores, changed) : null;
  const args = {
    id, code: appeal.itemCode, unit: unit.name, note: reason, totalBefore: effect?.before.total ?? 0, totalAfter: effect?.after.total ?? 0,
    max: effect?.after.applicableMax ?? 0, pointsBefore: 0, pointsAfter: 0, by: session.person!.fullName,
  };
  const lines = op === "keep"
    ? [line("notify-appeal-kept", args, "bold"), ...(reason ? [line("notify-appeal-note", args)] : [])]
    : [line("notify-appeal-changed", args, "bold"), ...(reason ? [line("notify-appeal-note", args)] : []), ...(effect ? [line("notify-appeal-effect", args)] : [])];
  const notices = await tell(deps, await unitPeople(deps, unit), (p) => `appeal:${id}:outcome:${p}`, lines);
  const resolved = await deps.store.appeals.resolve(id, {
    status: op === "keep" ? "kept" : "changed", note: reason,
    ...(op === "self" && current && {
      review: {
        periodId: appeal.periodId, unitId: unit.id, itemCode: appeal.itemCode, revision: current.revision, decision: { kind: "accept" },
        reviewerId: session.person!.id, reviewerLabel: session.person!.fullName, channel: session.inbound.channel,
      },
    }),
  }, session.person!.fullName, notices, deps.now());
  if (!resolved) {
    const latest = await deps.store.appeals.byId(id);
    return [reply([line(latest?.status === "open" ? "bot-appeal-changed-since" : "bot-appeal-decided", { id, code: appeal.itemCode, status: latest?.status ?? "" })])];
  }
  deps.delivery?.wake();
  return [reply([line(op === "keep" ? "bot-appeal-kept" : "bot-appeal-changed", args, "bold"), line("bot-review-unit-told", { count: notices.length })])];
}

/** /khieunai alone: a unit sees its appeals; an admin sees the open ones of the province. */
export async function listAppeals(deps: CoreDeps, session: Session): Promise<Reply[]> {
  const how = line("bot-appeal-how", exampleArgs(await examplesFor(deps, session)));
  if (!session.person || session.provinceId === null) return [reply([how])];
  const periods = await deps.store.periods.list(session.provinceId);
  const all: AppealRecord[] = [];
  for (const p of periods) all.push(...(await deps.store.appeals.forPeriod(p.id)));
  const mine = session.isAdmin ? all.filter((a) => a.status === "open") : all.filter((a) => a.unitId === session.unit?.id);
  if (mine.length === 0) return [reply([line(session.isAdmin ? "bot-appeal-none-open" : "bot-appeal-none"), how])];
  const units = new Map<number, UnitRecord | null>();
  const lines: Line[] = [line("bot-appeal-list", { count: mine.length }, "bold")];
  for (const a of mine) {
    if (!units.has(a.unitId)) units.set(a.unitId, await deps.store.units.byId(a.unitId));
    lines.push(line("bot-appeal-line", { id: a.id, unit: units.get(a.unitId)?.name ?? "", code: a.itemCode, status: a.status, date: a.filedAt }));
    lines.push(text(`   ${a.reason}`));
  }
  const buttons = session.isAdmin
    ? mine.slice(0, 5).map((a) => [
        { label: line("bot-appeal-keep-n", { id: a.id }), action: `ap:keep:${a.id}` }, { label: line("bot-appeal-accept-n", { id: a.id }), action: `ap:self:${a.id}` },
      ])
    : undefined;
  return [reply(lines, buttons)];
}
