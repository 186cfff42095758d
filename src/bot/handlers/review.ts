import { exampleArgs, examplesFor, examplesOf } from "../examples.js";
import { parseErrorArgs } from "../../i18n/parse-error.js";
import { parseVnDate } from "../../i18n/dates.js";
import { explainItem, fold, parseFigure, scoreGroup, type Ruleset, type UnitScore } from "../../scoring/index.js";
import { formatEvidence } from "../evidence.js";
import { inputs, type GroupScores, type PeriodScores } from "../period-scores.js";
import type { OutboxInput } from "../ports/delivery.js";
import type { FigureRecord, UnitRecord } from "../ports/records.js";
import type { ReviewDecision } from "../ports/review.js";
import { explained, line, reply, text, type Button, type Line, type Reply } from "../reply.js";
import { periodForUnit, type CoreDeps, type Session } from "../session.js";
import { describeEvidence } from "./evidence.js";

/**
 * Whether this person may appraise this item of this unit: provincial admins
 * all; a reviewer within the items or main indices of their role (all when
 * none are listed) and, for a district's reviewer, that district's communes;
 * a sector department's reviewer any unit but their own.
 */
export function canReview(session: Session, unit: UnitRecord, itemCode: string): boolean {
  // Nobody appraises a unit they work for.
  if (session.roles.some((r) => r.unitId === unit.id && r.role !== "reviewer" && r.role !== "admin")) return false;
  if (session.isAdmin && session.provinceId === unit.provinceId) return true;
  return session.roles.some((r) => {
    if (r.role !== "reviewer" || r.provinceId !== unit.provinceId) return false;
    if (r.scope.length > 0 && !r.scope.some((s) => itemCode === s || itemCode.startsWith(`${s}.`))) return false;
    if (r.unitId === null) return true;
    const own = session.units.get(r.unitId);
    if (own?.kind === "district") return unit.parentId === r.unitId;
    // A department's reviewers (the organising department, or a sector department within its scope), never their own.
    return own?.kind === "department" && unit.id !== r.unitId;
  });
}

/** Who the unit hears the review from: a district's people for its communes, otherwise the department ("Sở"). */
function reviewerOrg(session: Session, unit: UnitRecord): string {
  const district = session.roles.find((r) => r.role === "reviewer" && r.unitId !== null && r.unitId === unit.parentId
    && session.units.get(r.unitId)?.kind === "district");
  return district ? session.units.get(district.unitId!)!.name : "department";
}

const isReviewer = (session: Session) => session.isAdmin || session.roles.some((r) => r.role === "reviewer");
const WAITING = new Set(["submitted", "approved"]);

/** The figures waiting for this reviewer: submitted or approved, or with the evidence a reviewer asked for now given. */
async function queue(deps: CoreDeps, session: Session): Promise<{ scores: PeriodScores; figures: FigureRecord[] }[]> {
  if (session.provinceId === null) return [];
  const out: { scores: PeriodScores; figures: FigureRecord[] }[] = [];
  for (const period of await deps.store.periods.list(session.provinceId)) {
    if (period.status !== "open" && period.status !== "review") continue;
    const outcome = await deps.scores.get(period.id);
    if (!outcome.ok) continue;
    const waiting: FigureRecord[] = [];
    for (const f of outcome.scores.figures) {
      const unit = outcome.scores.units.get(f.unitId);
      if (!f.figure || !unit || !canReview(session, unit, f.itemCode)) continue;
      if (WAITING.has(f.status)) waiting.push(f);
      else if (f.status === "evidence_requested") {
        // Evidence given for the revision that asked for it.
        const given = (await deps.store.evidence.forItem(period.id, f.unitId, f.itemCode)).some((e) => e.revision === f.revision);
        if (given) waiting.push(f);
      }
    }
    const name = (f: FigureRecord) => outcome.scores.units.get(f.unitId)?.name ?? "";
    waiting.sort((a, b) => name(a).localeCompare(name(b), "vi") || a.itemCode.localeCompare(b.itemCode, "vi", { numeric: true }));
    if (waiting.length > 0) out.push({ scores: outcome.scores, figures: waiting });
  }
  return out;
}

function groupOf(scores: PeriodScores, unitId: number): GroupScores | undefined {
  return scores.groups.find((g) => g.inputs.some((u) => u.unitId === String(unitId)));
}

/** The unit's officers and leaders: who hears about the reviews and appeals of its figures. */
export async function unitPeople(deps: CoreDeps, unit: UnitRecord): Promise<number[]> {
  const holders = await Promise.all((["officer", "leader"] as const).map((role) => deps.store.people.holders(unit.provinceId, unit.id, role)));
  return holders.flat().map((p) => p.id);
}

/** The unit's reviewed score now, and as it would be with `changed` in place of its current revision. */
export function reviewedEffect(scores: PeriodScores, changed: FigureRecord): { before: UnitScore; after: UnitScore } | null {
  const group = groupOf(scores, changed.unitId);
  if (!group) return null;
  const members = group.inputs.map((u) => scores.units.get(Number(u.unitId))).filter((u): u is UnitRecord => u !== undefined);
  const figures = scores.figures.map((f) => (f.unitId === changed.unitId && f.itemCode === changed.itemCode ? changed : f));
  if (!figures.includes(changed)) figures.push(changed);
  const after = scoreGroup(scores.ruleset, inputs(members, figures, "reviewed"), { mergers: group.mergers });
  const id = String(changed.unitId);
  const before = group.reviewed.units.find((u) => u.unitId === id);
  const later = after.ok ? after.result.units.find((u) => u.unitId === id) : undefined;
  return before && later ? { before, after: later } : null;
}

function card(
  deps: CoreDeps, scores: PeriodScores, f: FigureRecord, index: number, total: number, evidence: Line[], fileButtons: Button[], filter = "",
): Reply {
  const unit = scores.units.get(f.unitId)!;
  const node = deps.catalog.item(scores.ruleset.id, f.itemCode)!;
  const group = groupOf(scores, f.unitId);
  const self = group?.self.units.find((u) => u.unitId === String(f.unitId))?.items.find((i) => i.code === f.itemCode);
  const reviewed = group?.reviewed.units.find((u) => u.unitId === String(f.unitId))?.items.find((i) => i.code === f.itemCode);
  const lines: Line[] = [
    line("bot-review-card", { index, total, unit: unit.name, unitCode: unit.code, code: f.itemCode, name: node.name }, "bold"),
    line("bot-review-figure", { value: f.rawValue ?? "", revision: f.revision, status: f.status, by: f.enteredByLabel, date: f.at }),
    ...(self ? [explained(explainItem(node, self), "• ")] : []),
    ...(reviewed && self && reviewed.points !== self.points ? [line("bot-review-reviewed-points", { points: reviewed.points, max: reviewed.max })] : []),
    ...(node.evidenceRequired ? [line("bot-review-evidence-required")] : []),
    ...(f.evidence.length > 0 ? [line("bot-evidence-with-figure", { refs: formatEvidence(f.evidence) })] : []),
    ...evidence,
    line("bot-review-how", { unitCode: unit.code, code: `${f.itemCode}@${f.revision}` }),
  ];
  return reply(lines, [
    [{ label: line("bot-review-accept"), action: `rv:ok:${f.unitId}:${f.itemCode}:${f.revision}` }, { label: line("bot-review-skip"), action: `rv:next:${index}${filter ? `:${filter}` : ""}` }],
    ...fileButtons.map((b) => [b]),
  ]);
}

/** Which part of the queue a reviewer looks at: a unit, an item, or both ("/thamdinh S19 6.2"); a status. */
export interface QueueFilter {
  readonly unitCode?: string;
  readonly itemCode?: string;
  /** new: submitted, not approved yet; approved: approved by the unit's leader; evidence: evidence given as asked. */
  readonly status?: "new" | "approved" | "evidence";
}

const STATUS_WORDS: Readonly<Record<string, QueueFilter["status"]>> = { moi: "new", chuaduyet: "new", daduyet: "approved", minhchung: "evidence" };

/** "S19 6.2", "6.2", "daduyet": the filter, or the word that is neither a unit, an item nor a status. */
export function readQueueFilter(text: string): { ok: true; filter: QueueFilter } | { ok: false; word: string } {
  let filter: QueueFilter = {};
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const folded = fold(word);
    if (STATUS_WORDS[folded]) filter = { ...filter, status: STATUS_WORDS[folded] };
    else if (/^\d{1,2}(?:[.,]\d{1,2}){0,2}$/.test(word)) filter = { ...filter, itemCode: word.replace(",", ".") };
    else if (/^[A-Za-z][\w-]*$/.test(word)) filter = { ...filter, unitCode: word.toUpperCase() };
    else return { ok: false, word };
  }
  return { ok: true, filter };
}

const filterText = (f: QueueFilter) => [f.unitCode, f.itemCode, Object.entries(STATUS_WORDS).find(([, s]) => s === f.status)?.[0]].filter(Boolean).join(" ");

function matches(f: FigureRecord, unit: UnitRecord | undefined, filter: QueueFilter): boolean {
  if (filter.unitCode && unit?.code.toUpperCase() !== filter.unitCode) return false;
  if (filter.itemCode && f.itemCode !== filter.itemCode && !f.itemCode.startsWith(`${filter.itemCode}.`)) return false;
  if (filter.status === "new" && f.status !== "submitted") return false;
  if (filter.status === "approved" && f.status !== "approved") return false;
  if (filter.status === "evidence" && f.status !== "evidence_requested") return false;
  return true;
}

/**
 * /thamdinh [đơn vị] [chỉ số] [trạng thái]: the reviewer's queue, one figure
 * at a time, with its evidence and what the rule gives; how much waits, and
 * where, first. "/thamdinh donvi": the count waiting in each unit.
 */
export async function reviewQueue(deps: CoreDeps, session: Session, from = 0, typedFilter = ""): Promise<Reply[]> {
  if (!session.person) return [reply([line("bot-not-bound"), line("bot-start-how")])];
  if (session.inbound.chatType === "group") return [reply([line("bot-review-private-only")])];
  if (!isReviewer(session)) return [reply([line("bot-review-reviewers-only")])];
  const periods = await queue(deps, session);
  const everything = periods.flatMap((p) => p.figures.map((f) => ({ scores: p.scores, f, unit: p.scores.units.get(f.unitId) })));
  if (everything.length === 0) return [reply([line("bot-review-empty")])];
  if (fold(typedFilter.trim()) === "donvi") return [perUnit(everything)];
  const read = readQueueFilter(typedFilter);
  if (!read.ok) return [reply([line("bot-review-filter-unknown", { word: read.word }), line("bot-review-filter-how")])];
  const { filter } = read;
  if (filter.unitCode && !everything.some((x) => x.unit?.code.toUpperCase() === filter.unitCode)) {
    const exists = session.provinceId !== null && (await deps.store.units.byCode(session.provinceId, filter.unitCode)) !== null;
    if (!exists) return [reply([line("bot-review-unknown-unit", { code: filter.unitCode }), line("bot-review-filter-how")])];
  }
  const all = everything.filter((x) => matches(x.f, x.unit, filter));
  const units = new Set(everything.map((x) => x.f.unitId)).size;
  const summary = line("bot-review-summary", { count: everything.length, units });
  if (all.length === 0) return [reply([summary, line("bot-review-filter-empty", { filter: filterText(filter) }), line("bot-review-filter-how")])];
  const at = from % all.length;
  const { scores, f } = all[at]!;
  const evidence = await deps.store.evidence.forItem(scores.period.id, f.unitId, f.itemCode);
  const lines = evidence.map((e) => describeEvidence(e));
  const files = evidence.filter((e) => e.kind === "file" && e.file).slice(-4)
    .map((e) => ({ label: line("bot-review-open-file", { filename: e.file!.filename }), action: `rv:file:${e.id}` }));
  if (evidence.length === 0 && f.evidence.length === 0) lines.push(line("bot-review-no-evidence"));
  const filtered = filterText(filter);
  // On the first card: how much waits and where, and how to look at part of it.
  if (from === 0) {
    lines.push(summary, filtered ? line("bot-review-filtered", { filter: filtered, count: all.length }) : line("bot-review-filter-how"));
  }
  return [card(deps, scores, f, at + 1, all.length, lines, files, filtered)];
}

/** "/thamdinh donvi": how many figures wait in each unit, most first, each a button to its queue. */
function perUnit(everything: readonly { f: FigureRecord; unit: UnitRecord | undefined }[]): Reply {
  const counts = new Map<number, { unit: UnitRecord; count: number }>();
  for (const { f, unit } of everything) {
    if (!unit) continue;
    counts.set(f.unitId, { unit, count: (counts.get(f.unitId)?.count ?? 0) + 1 });
  }
  const rows = [...counts.values()].sort((a, b) => b.count - a.count || a.unit.code.localeCompare(b.unit.code, "vi", { numeric: true }));
  return reply([
    line("bot-review-per-unit", { count: everything.length, units: rows.length }, "bold"),
    ...rows.slice(0, 40).map((r) => line("bot-review-per-unit-row", { unit: r.unit.name, code: r.unit.code, count: r.count })),
  ], rows.slice(0, 8).map((r) => [{ label: text(`${r.unit.code} (${r.count})`), action: `rv:next:0:${r.unit.code}` }]));
}

/** "📎 tên tệp": the evidence file itself, for a reviewer who may see it. */
export async function sendEvidenceFile(deps: CoreDeps, session: Session, evidenceId: number): Promise<Reply[]> {
  if (session.inbound.chatType === "group") return [reply([line("bot-review-private-only")])];
  const e = await deps.store.evidence.byId(evidenceId);
  const unit = e ? await deps.store.units.byId(e.unitId) : null;
  if (!e || !e.file || !unit || !deps.evidence) return [reply([line("bot-review-file-gone")])];
  const mayOpen = canReview(session, unit, e.itemCode) || (session.unit?.id === unit.id && session.roles.some((r) => r.unitId === unit.id));
  if (!mayOpen) return [reply([line("bot-review-not-assigned", { unit: unit.name, code: e.itemCode })])];
  const data = await deps.evidence.storage.get(e.file.storageKey);
  if (!data) return [reply([line("bot-review-file-gone")])];
  // As a document, photos included: the reviewer sees the file as it was sent, not recompressed.
  const caption = line("bot-review-file-caption", { code: e.itemCode, unit: unit.name });
  return [{ lines: [], attachment: { kind: "document", filename: e.file.filename, data, caption } }];
}

type Parsed =
  | { ok: true; unitCode: string; code: string; revision: number | null; decision: ReviewDecision }
  | { ok: false; replies: Reply[] };

/** "/thamdinh sua S19 4.14 = 300/508 | lý do", "… diem S19 4.14 = 1,5 | lý do", "… bosung S19 4.14 30/11/2026 | nội dung". */
function parseDecision(deps: CoreDeps, ruleset: Ruleset, op: string, rest: string, now: Date): Parsed {
  const [head, ...reasonParts] = rest.split("|");
  const reason = reasonParts.join("|").trim();
  const m = /^\s*(\S+)\s+(\d{1,2}(?:\.\d{1,2}){1,2})(?:@(\d+))?\s*(?:=|:)?\s*(.*)$/.exec(head ?? "");
  const forms = line("bot-review-forms", exampleArgs(examplesOf(deps.catalog, ruleset)));
  const bad = (key: string, args?: Record<string, string>) => ({ ok: false as const, replies: [reply([line(key, args), forms])] });
  if (!m) return bad("bot-review-bad-form");
  const [, unitCode, code, seen, value] = m as unknown as [string, string, string, string | undefined, string];
  const revision = seen ? Number(seen) : null;
  const node = deps.catalog.item(ruleset.id, code);
  if (!node) return bad("bot-evidence-unknown-item", { code });
  if (op !== "accept" && !reason) return bad("bot-review-reason-needed");
  switch (op) {
    case "sua": {
      const parsed = parseFigure(value, node);
      if (!parsed.ok) {
        const { key, args } = parseErrorArgs(parsed.error);
        return { ok: false, replies: [reply([line("bot-review-bad-value", { code, value: value.trim() }), line(key, args)])] };
      }
      return { ok: true, unitCode, code, revision, decision: { kind: "correct_figure", rawValue: value.trim(), figure: parsed.figure, reason } };
    }
    case "diem": {
      const points = Number(value.trim().replace(",", "."));
      const max = node.maxPoints ?? 0;
      if (!Number.isFinite(points) || points < 0 || points > max) return bad("bot-review-bad-points", { code, max: String(max) });
      return { ok: true, unitCode, code, revision, decision: { kind: "correct_points", points, reason } };
    }
    case "bosung": {
      const due = parseVnDate(value.trim(), { endOfDay: true });
      if (!due || due <= now) return bad("bot-review-bad-date", { value: value.trim() });
      return { ok: true, unitCode, code, revision, decision: { kind: "request_evidence", due, reason } };
    }
    default:
      return bad("bot-review-bad-form");
  }
}

/** /thamdinh with a decision typed, or "Chấp nhận" tapped. */
export async function reviewDecision(deps: CoreDeps, session: Session, op: string, rest: string): Promise<Reply[]> {
  if (!session.person) return [reply([line("bot-not-bound"), line("bot-start-how")])];
  if (session.inbound.chatType === "group") return [reply([line("bot-review-private-only")])];
  if (!isReviewer(session)) return [reply([line("bot-review-reviewers-only")])];
  if (session.provinceId === null) return [reply([line("bot-review-empty")])];
  let unit: UnitRecord | null;
  let code: string;
  let decision: ReviewDecision;
  let revision: number | null;
  const periods = (await deps.store.periods.list(session.provinceId)).filter((p) => p.status === "open" || p.status === "review");
  if (op === "accept") {
    const [unitId, itemCode, rev] = rest.split(":");
    unit = await deps.store.units.byId(Number(unitId));
    code = itemCode ?? "";
    decision = { kind: "accept" };
    revision = Number(rev);
  } else {
    // The unit first: its own ruleset says what the item is and how its figure reads.
    const unitCode = /^\s*(\S+)/.exec(rest)?.[1] ?? "";
    unit = await deps.store.units.byCode(session.provinceId, unitCode);
    if (!unit) return [reply([line("bot-review-unknown-unit", { code: unitCode }), line("bot-review-forms", exampleArgs(await examplesFor(deps, session)))])];
    const ruleset = (await periodForUnit(deps, unit))?.ruleset;
    if (!ruleset) return [reply([line("bot-no-period", { unit: unit.name })])];
    const parsed = parseDecision(deps, ruleset, op, rest, deps.now());
    if (!parsed.ok) return parsed.replies;
    code = parsed.code;
    decision = parsed.decision;
    revision = parsed.revision;
  }
  if (!unit) return [reply([line("bot-review-unknown-unit", { code: rest.split(":")[0] ?? "" })])];
  if (!canReview(session, unit, code)) return [reply([line("bot-review-not-assigned", { unit: unit.name, code })])];
  for (const period of periods) {
    const outcome = await deps.scores.get(period.id);
    if (!outcome.ok) continue;
    const current = outcome.scores.figures.find((f) => f.unitId === unit!.id && f.itemCode === code);
    if (!current || !outcome.scores.units.has(unit.id)) continue;
    if (!current.figure) return [reply([line("bot-review-no-figure", { unit: unit.name, code })])];
    if (decision.kind === "correct_points" && current.figure.kind === "not_applicable") {
      return [reply([line("bot-review-points-not-applicable", { unit: unit.name, code })])];
    }
    return applyDecision(deps, session, outcome.scores, current, decision, revision ?? current.revision);
  }
  // Published results change only through a recorded reopening.
  const published = (await deps.store.periods.list(session.provinceId)).filter((p) => p.status === "published" || p.status === "closed");
  for (const period of published) {
    if ((await deps.store.figures.history(period.id, unit.id, code)).length > 0) {
      return [reply([line("bot-review-published", { year: String(period.year), unit: unit.name, code })])];
    }
  }
  return [reply([line("bot-review-no-figure", { unit: unit.name, code })])];
}

async function applyDecision(
  deps: CoreDeps, session: Session, scores: PeriodScores, current: FigureRecord, decision: ReviewDecision, revision: number,
): Promise<Reply[]> {
  const unit = scores.units.get(current.unitId)!;
  const node = deps.catalog.item(scores.ruleset.id, current.itemCode)!;
  const simulated: FigureRecord = {
    ...current, revision: current.revision + 1,
    reviewFigure: decision.kind === "correct_figure" ? decision.figure : null,
    reviewPoints: decision.kind === "correct_points" ? decision.points : null,
  };
  const effect = decision.kind === "accept" || decision.kind === "request_evidence" ? null : reviewedEffect(scores, simulated);
  const itemPoints = (s: UnitScore | undefined) => s?.items.find((i) => i.code === current.itemCode)?.points ?? 0;
  const appealBy = scores.period.deadlines.find((d) => d.kind === "appeal")?.dueAt ?? null;
  const args = {
    unit: unit.name, code: current.itemCode, name: node.name, from: current.rawValue ?? "", reason: "reason" in decision ? decision.reason : "",
    to: decision.kind === "correct_figure" ? decision.rawValue : "", points: decision.kind === "correct_points" ? decision.points : 0,
    pointsBefore: itemPoints(effect?.before), pointsAfter: itemPoints(effect?.after), totalBefore: effect?.before.total ?? 0,
    totalAfter: effect?.after.total ?? 0, max: effect?.after.applicableMax ?? 0, date: decision.kind === "request_evidence" ? decision.due : null,
    reviewer: session.person!.fullName, org: reviewerOrg(session, unit),
  };
  // A correction that moves the unit into another class says so (Khá → Trung bình khá).
  const classMoved = effect && effect.before.className !== effect.after.className
    ? [line("notify-review-class", { from: effect.before.className ?? "none", to: effect.after.className ?? "none" })]
    : [];
  const effectLines = effect ? [line("notify-review-effect", args), ...classMoved] : [];
  const unitLines: Line[] = decision.kind === "correct_figure"
    ? [line("notify-review-figure", args, "bold"), ...effectLines]
    : decision.kind === "correct_points"
      ? [line("notify-review-points", args, "bold"), ...effectLines]
      : decision.kind === "request_evidence"
        ? [line("notify-review-evidence", args, "bold"), line("notify-review-evidence-how", args)]
        : [];
  if (unitLines.length > 0 && decision.kind !== "request_evidence" && appealBy && appealBy > deps.now()) unitLines.push(line("notify-review-appeal", { code: current.itemCode, date: appealBy }));
  const channels = deps.delivery?.channels ?? [];
  const reach = unitLines.length > 0 ? await deps.store.identities.preferred(await unitPeople(deps, unit), channels) : new Map();
  const notices = (record: FigureRecord): OutboxInput[] => [...reach].map(([personId, identity]) => ({
    key: `review:${record.periodId}:${record.unitId}:${record.itemCode}:${record.revision}:${personId}`, identityId: identity.id, kind: "notice",
    reply: { lines: unitLines }, notBefore: deps.now(),
  }));
  const result = await deps.store.reviews.review({
    periodId: scores.period.id, unitId: unit.id, itemCode: current.itemCode, revision, decision,
    reviewerId: session.person!.id, reviewerLabel: session.person!.fullName, channel: session.inbound.channel,
  }, notices, deps.now());
  if (!result.ok) {
    return [reply([line(result.reason === "stale" ? "bot-review-stale" : "bot-review-no-figure", { unit: unit.name, code: current.itemCode })])];
  }
  deps.delivery?.wake();
  const done: Line[] = [line(`bot-review-done-${decision.kind}`, args, "bold")];
  if (effect) done.push(line("notify-review-effect", args), ...classMoved);
  if (unitLines.length > 0) done.push(line("bot-review-unit-told", { count: reach.size }));
  return [reply(done, [[{ label: line("bot-review-next"), action: "rv:next:0" }]])];
}

/** A unit's own view of reviews and appeals is in /diem; here, the history an appeal is decided on. */
export function historyLines(history: readonly FigureRecord[]): Line[] {
  return history.map((h) => (h.status === "reviewed" || h.status === "evidence_requested"
    ? line("bot-history-review", {
        revision: h.revision, date: h.at, by: h.enteredByLabel, status: h.status, note: h.reviewNote || "none",
        figure: h.reviewFigure ? "yes" : "no", points: h.reviewPoints ?? "none",
      })
    : line("bot-history-figure", { revision: h.revision, date: h.at, by: h.enteredByLabel, value: h.rawValue ?? "—", status: h.status })));
}
