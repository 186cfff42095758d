import { snapshotUnits } from "../period-scores.js";
import { holdersByUnit } from "../notify/jobs.js";
import { publicationSummary, unitResult } from "../notify/results.js";
import { scorecardInput } from "../scorecard-input.js";
import type { OutboxInput } from "../ports/delivery.js";
import type { PeriodRecord } from "../ports/records.js";
import { line, reply, text, type Reply } from "../reply.js";
import type { CoreDeps, Session } from "../session.js";
import type { TapAnswer } from "./tap.js";
import { daysLeft } from "./dates.js";
import { PENDING_TTL_MS } from "./submit.js";

export interface PendingPublish {
  readonly periodId: number;
  /** Chosen knowingly before the submission or review deadline ("Công bố sớm"): recorded in the audit log. */
  readonly early?: boolean;
}

/** The deadlines before which publishing is early: units may still submit, reviewers may still review. */
const EARLY_BEFORE = ["submission", "review"] as const;

function earlyDeadlines(period: PeriodRecord, now: Date) {
  return period.deadlines.filter((d) => (EARLY_BEFORE as readonly string[]).includes(d.kind) && d.dueAt > now);
}

const PUBLISHABLE = new Set(["open", "review", "published"]);

async function adminOnly(session: Session): Promise<Reply[] | null> {
  if (!session.person) return [reply([line("bot-not-bound"), line("bot-start-how")])];
  if (!session.isAdmin || session.provinceId === null) return [reply([line("bot-need-admin")])];
  return null;
}

/** /congbo: choose the period (when there are several), then preview what publishing will do. */
export async function choosePublication(deps: CoreDeps, session: Session, periodId?: number): Promise<Reply[]> {
  const refused = await adminOnly(session);
  if (refused) return refused;
  if (!deps.delivery || !deps.reports) return [reply([line("bot-delivery-off")])];
  const periods = (await deps.store.periods.list(session.provinceId!)).filter((p) => PUBLISHABLE.has(p.status));
  const chosen = periodId === undefined ? (periods.length === 1 ? periods[0] : undefined) : periods.find((p) => p.id === periodId);
  if (!chosen) {
    if (periods.length === 0) return [reply([line("bot-publish-nothing")])];
    return [reply([line("bot-publish-choose")], periods.map((p) => [{ label: periodLabel(deps, p), action: `pub:${p.id}` }]))];
  }
  const outcome = await deps.scores.get(chosen.id);
  if (!outcome.ok) return [reply([line("bot-cannot-score", { ruleset: deps.catalog.get(chosen.rulesetId)?.title ?? chosen.rulesetId })])];
  // Results are final only once every dispute is decided.
  const open = await deps.store.appeals.forPeriod(chosen.id, { status: "open" });
  if (open.length > 0) {
    return [reply([line("bot-publish-appeals-open", { count: open.length, ids: open.map((a) => a.id).join(", ") }, "bold"), line("bot-publish-appeals-how")])];
  }
  const now = deps.now();
  const appealDue = chosen.deadlines.find((d) => d.kind === "appeal")?.dueAt ?? null;
  const units = outcome.scores.groups.reduce((n, g) => n + g.reviewed.units.length, 0);
  const incomplete = outcome.scores.groups.reduce((n, g) => n + g.reviewed.units.filter((u) => u.missing.length > 0).length, 0);
  // Figures a reviewer has not decided on: published as the unit gave them.
  const unreviewed = outcome.scores.figures.filter((f) => f.figure && (f.status === "submitted" || f.status === "approved" || f.status === "draft")).length;
  const early = earlyDeadlines(chosen, now);
  const payload: PendingPublish = { periodId: chosen.id, ...(early.length > 0 && { early: true }) };
  const id = await deps.store.pending.create(session.identity.id, "publish", payload, new Date(now.getTime() + PENDING_TTL_MS));
  return [reply([
    line(early.length > 0 ? "bot-publish-early-preview" : "bot-publish-preview", {
      year: String(chosen.year), ruleset: outcome.scores.ruleset.title, units, groups: outcome.scores.groups.length,
    }, "bold"),
    ...early.map((d) => line("bot-publish-early-deadline", { kind: d.kind, date: d.dueAt, days: daysLeft(now, d.dueAt) })),
    ...(chosen.status === "published" ? [line("bot-publish-again")] : []),
    ...(incomplete > 0 ? [line("bot-publish-incomplete", { count: incomplete })] : []),
    ...(unreviewed > 0 ? [line("bot-publish-unreviewed", { count: unreviewed })] : []),
    ...(appealDue && appealDue > now ? [line("bot-publish-appeal-window", { date: appealDue })] : []),
    line("bot-publish-what"),
  ], [[
    { label: line(early.length > 0 ? "bot-button-publish-early" : "bot-button-publish"), action: `ok:${id}` },
    { label: line("bot-button-cancel"), action: `no:${id}` },
  ]])];
}

function periodLabel(deps: CoreDeps, p: PeriodRecord) {
  return text(`${p.year} — ${deps.catalog.get(p.rulesetId)?.title ?? p.rulesetId}`);
}

/**
 * The confirmed publication, in one transaction: the period is published, a
 * snapshot taken, every unit's people get their own result, the department
 * its summary, the ranking chart and the results workbook.
 */
export async function publishConfirmed(deps: CoreDeps, session: Session, pendingId: number, payload: PendingPublish): Promise<TapAnswer> {
  const refused = await adminOnly(session);
  if (refused) return { replies: refused, tap: "done" };
  if (!deps.delivery || !deps.reports) return { replies: [reply([line("bot-delivery-off")])], tap: "done" };
  const now = deps.now();
  const period = await deps.store.periods.byId(payload.periodId);
  const outcome = period && period.provinceId === session.provinceId ? await deps.scores.get(period.id) : null;
  if (!period || !outcome?.ok) return { replies: [reply([line("bot-pending-gone")])], tap: "gone" };
  // An appeal filed since the preview holds the publication too.
  const open = await deps.store.appeals.forPeriod(period.id, { status: "open" });
  if (open.length > 0) {
    return { replies: [reply([line("bot-publish-appeals-open", { count: open.length, ids: open.map((a) => a.id).join(", ") }, "bold"), line("bot-publish-appeals-how")])], tap: "gone" };
  }
  // A deadline moved later since the preview: publishing is early now, and needs that choice made knowingly.
  const early = earlyDeadlines(period, now);
  if (early.length > 0 && !payload.early) return { replies: [reply([line("bot-publish-now-early")])], tap: "gone" };
  const { scores } = outcome;
  const province = (await deps.store.provinces.list()).find((p) => p.id === period.provinceId);
  const previous = await deps.store.snapshots.latest(period.id, "published");
  const roles = await deps.store.people.activeRoles(period.provinceId);
  const holders = holdersByUnit(roles);
  const admins = [...new Set(roles.filter((r) => r.role === "admin").map((r) => r.personId))];
  const members = [...holders.values()].flatMap((h) => [...h.officers, ...h.leaders]);
  const reach = await deps.store.identities.preferred([...members, ...admins], deps.delivery.channels);
  const locale = session.locale;
  const files = [
    { kind: "photo" as const, filename: `xep-hang-dti-${period.year}.png`, data: await deps.reports.rankingChart(scores, province?.name ?? "", locale) },
    { kind: "document" as const, filename: `ket-qua-dti-${period.year}-ky-${period.id}.xlsx`, data: await deps.reports.resultsWorkbook(scores, province?.name ?? "", locale) },
  ];
  // Each unit's scorecard goes with its result: one picture per unit, stored once for everyone of the unit.
  const cards = new Map<number, number>();
  for (const group of scores.groups) {
    for (const score of group.reviewed.units) {
      const unit = scores.units.get(Number(score.unitId));
      if (!unit || !holders.has(unit.id)) continue;
      cards.set(unit.id, files.length);
      files.push({
        kind: "photo" as const, filename: `diem-${unit.code}-${period.year}.png`,
        data: deps.reports.scorecard(scorecardInput({
          unitName: unit.name, year: period.year, groupName: group.groupName, own: score, view: group.reviewed.units, official: true,
        }), locale),
      });
    }
  }
  const messages = (snapshotId: number, fileIds: readonly number[]): OutboxInput[] => {
    const out: OutboxInput[] = [];
    for (const group of scores.groups) {
      for (const score of group.reviewed.units) {
        const unit = scores.units.get(Number(score.unitId));
        const people = holders.get(Number(score.unitId));
        if (!unit || !people) continue;
        const before = previous?.units.find((u) => u.unitId === unit.id);
        const result = unitResult({
          ruleset: scores.ruleset, catalog: deps.catalog, year: period.year, unitName: unit.name, group, score,
          before: previous && before ? { unit: before, at: previous.createdAt } : null,
        });
        for (const personId of new Set([...people.officers, ...people.leaders])) {
          const identity = reach.get(personId);
          if (!identity) continue;
          out.push({ key: `publish:${snapshotId}:${identity.id}:${unit.id}`, identityId: identity.id, kind: "publication", reply: result, notBefore: now });
          const card = cards.get(unit.id);
          if (card !== undefined) {
            out.push({
              key: `publish:${snapshotId}:${identity.id}:${unit.id}:card`, identityId: identity.id, kind: "publication", notBefore: now,
              reply: { lines: [], attachment: { kind: "photo", filename: files[card]!.filename, fileId: fileIds[card]!, caption: line("bot-scorecard-caption", { unit: unit.name }) } },
            });
          }
        }
      }
    }
    // The summary counts the results sent, not the pictures that go with them.
    const summary = publicationSummary(scores, out.filter((m) => !m.key.endsWith(":card")).length);
    for (const personId of admins) {
      const identity = reach.get(personId);
      if (!identity) continue;
      const base = `publish:${snapshotId}:${identity.id}:department`;
      out.push({ key: `${base}:summary`, identityId: identity.id, kind: "publication", reply: { lines: summary }, notBefore: now });
      out.push({ key: `${base}:chart`, identityId: identity.id, kind: "publication", notBefore: now,
        reply: { lines: [], attachment: { kind: "photo", filename: files[0]!.filename, fileId: fileIds[0]!, caption: line("notify-published-chart", { year: String(period.year) }) } } });
      out.push({ key: `${base}:sheet`, identityId: identity.id, kind: "publication", notBefore: now,
        reply: { lines: [], attachment: { kind: "document", filename: files[1]!.filename, fileId: fileIds[1]!, caption: line("notify-published-sheet") } } });
    }
    return out;
  };
  const saved = await deps.store.snapshots.saveAndNotify({
    periodId: period.id, kind: "published", status: "published", units: snapshotUnits(scores), actor: `person:${session.person!.id}`, now,
    files, messages, pending: { id: pendingId, identityId: session.identity.id },
    ...(early.length > 0 && {
      audit: { action: "period.publish_early", details: { deadlines: early.map((d) => ({ kind: d.kind, dueAt: d.dueAt.toISOString() })) } },
    }),
  });
  if (!saved.ok) return { replies: [reply([line("bot-pending-gone")])], tap: "gone" };
  deps.delivery.wake();
  return { replies: [reply([line("bot-published", { year: String(period.year), queued: saved.queued })])], tap: "done" };
}
