import { DEADLINE_KINDS, PERIOD_STATUSES, type DeadlineRecord, type PeriodDeadlineKind, type PeriodStatus } from "../bot/ports/records.js";
import { formatDate } from "../i18n/index.js";
import { parseVnDate, vnEndOfDay, vnTime } from "../i18n/dates.js";
import type { CycleDate, Ruleset } from "../scoring/index.js";
import { loadCatalog, resolveProvince, type CliContext } from "./context.js";
import { idArgument } from "./errors.js";
import { compactTable } from "./output.js";

/** A ruleset's recurring date in evaluation year `year`. */
export function cycleDay(date: CycleDate, year: number, endOfDay: boolean): Date {
  const y = year + date.yearOffset;
  return endOfDay ? vnEndOfDay(y, date.month, date.day) : vnTime(y, date.month, date.day);
}

/** Deadlines from the ruleset's process facts, overridden by `kind=dd/mm/yyyy` options. */
export function deadlinesFor(
  ruleset: Ruleset, year: number, overrides: readonly string[],
): { ok: true; deadlines: DeadlineRecord[] } | { ok: false; bad: string } {
  const byKind = new Map<PeriodDeadlineKind, Date>();
  for (const d of ruleset.process.deadlines) {
    if ((DEADLINE_KINDS as readonly string[]).includes(d.kind)) byKind.set(d.kind as PeriodDeadlineKind, cycleDay(d.date, year, true));
  }
  for (const text of overrides) {
    const [kind, date] = text.split("=");
    const due = date ? parseVnDate(date, { endOfDay: true }) : null;
    if (!kind || !(DEADLINE_KINDS as readonly string[]).includes(kind) || !due) return { ok: false, bad: text };
    byKind.set(kind as PeriodDeadlineKind, due);
  }
  return { ok: true, deadlines: [...byKind].map(([kind, dueAt]) => ({ kind, dueAt })) };
}

/**
 * Deadlines out of their order (a result published before figures are due,
 * a review before the leaders approve): the first pair found, or null. The
 * order is DEADLINE_KINDS: submission, leader approval, review, appeal,
 * publication.
 */
export function deadlineOrderProblem(deadlines: readonly DeadlineRecord[]): { earlier: DeadlineRecord; later: DeadlineRecord } | null {
  const sorted = [...deadlines].sort((a, b) => DEADLINE_KINDS.indexOf(a.kind) - DEADLINE_KINDS.indexOf(b.kind));
  for (let i = 0; i < sorted.length; i += 1) {
    for (let j = i + 1; j < sorted.length; j += 1) {
      if (sorted[j]!.dueAt < sorted[i]!.dueAt) return { earlier: sorted[i]!, later: sorted[j]! };
    }
  }
  return null;
}

/** `dti period open --ruleset X --year N [--deadline kind=dd/mm/yyyy]…` */
export async function openPeriodCommand(
  ctx: CliContext, options: { province?: string; ruleset: string; year: string; deadline?: string[] },
): Promise<number> {
  const { i18n, locale } = ctx;
  const catalog = loadCatalog(ctx);
  const province = await resolveProvince(ctx, options.province);
  if (!catalog || !province) return 1;
  const ruleset = catalog.get(options.ruleset);
  if (!ruleset) {
    ctx.err(i18n.t(locale, "cli-ruleset-not-found", { id: options.ruleset, known: catalog.all.map((r) => r.id).join(", ") }));
    return 1;
  }
  if (ruleset.draft) {
    ctx.err(i18n.t(locale, "cli-period-draft-ruleset", { id: ruleset.id }));
    return 1;
  }
  const year = Number(options.year);
  if (!Number.isInteger(year) || year < 2015 || year > 2100) {
    ctx.err(i18n.t(locale, "cli-period-bad-year", { value: options.year }));
    return 1;
  }
  const planned = deadlinesFor(ruleset, year, options.deadline ?? []);
  if (!planned.ok) {
    ctx.err(i18n.t(locale, "cli-period-bad-deadline", { value: planned.bad, kinds: DEADLINE_KINDS.join(", ") }));
    return 1;
  }
  const order = deadlineOrderProblem(planned.deadlines);
  if (order) {
    ctx.err(i18n.t(locale, "cli-period-deadline-order", {
      later: i18n.t(locale, "deadline-kind", { kind: order.later.kind }), laterDate: formatDate(order.later.dueAt, locale),
      earlier: i18n.t(locale, "deadline-kind", { kind: order.earlier.kind }), earlierDate: formatDate(order.earlier.dueAt, locale),
    }));
    return 1;
  }
  const window = ruleset.process.dataWindow;
  const store = await ctx.store();
  const existing = (await store.periods.list(province.id)).find((p) => p.rulesetId === ruleset.id && p.year === year);
  if (existing) {
    ctx.err(i18n.t(locale, "cli-period-exists", { id: existing.id }));
    return 1;
  }
  const period = await store.periods.open({
    provinceId: province.id, rulesetId: ruleset.id, year, deadlines: planned.deadlines,
    windowFrom: window ? cycleDay(window.from, year, false) : null, windowTo: window ? cycleDay(window.to, year, true) : null,
  }, ctx.actor);
  ctx.out(i18n.t(locale, "cli-period-opened", { id: period.id, ruleset: ruleset.title, year: String(year) }));
  for (const d of period.deadlines) ctx.out(`  ${i18n.t(locale, "deadline-kind", { kind: d.kind })}: ${formatDate(d.dueAt, locale)}`);
  return 0;
}

/** `dti period list [--json]` */
export async function listPeriodsCommand(ctx: CliContext, options: { province?: string; json?: boolean }): Promise<number> {
  const { i18n, locale } = ctx;
  const store = await ctx.store();
  const province = options.province ? await resolveProvince(ctx, options.province) : null;
  if (options.province && !province) return 1;
  const periods = await store.periods.list(province?.id);
  if (options.json) {
    const rows = periods.map((p) => ({ ...p, deadlines: p.deadlines.map((d) => ({ kind: d.kind, dueAt: d.dueAt.toISOString() })) }));
    ctx.out(JSON.stringify(rows, null, 2));
    return 0;
  }
  const h = (key: string) => i18n.t(locale, `cli-period-header-${key}`);
  const table = compactTable([h("id"), h("ruleset"), h("year"), h("status"), h("deadlines")]);
  for (const p of periods) {
    const deadlines = p.deadlines.map((d) => `${i18n.t(locale, "deadline-kind", { kind: d.kind })}: ${formatDate(d.dueAt, locale)}`).join("\n");
    table.push([p.id, p.rulesetId, String(p.year), i18n.t(locale, "period-status", { status: p.status }), deadlines]);
  }
  ctx.out(table.toString());
  return 0;
}

/** `dti period close <id>` and `dti period status <id> <status>` */
export async function setPeriodStatusCommand(ctx: CliContext, id: string, status: string): Promise<number> {
  const { i18n, locale } = ctx;
  const store = await ctx.store();
  const periodId = idArgument(ctx, id);
  const period = periodId === null ? null : await store.periods.byId(periodId);
  if (!period) {
    if (periodId !== null) ctx.err(i18n.t(locale, "cli-period-unknown", { id }));
    return 1;
  }
  if (!(PERIOD_STATUSES as readonly string[]).includes(status)) {
    ctx.err(i18n.t(locale, "cli-period-bad-status", { value: status, known: PERIOD_STATUSES.join(", ") }));
    return 1;
  }
  await store.periods.setStatus(period.id, status as PeriodStatus, ctx.actor);
  ctx.out(i18n.t(locale, "cli-period-status-set", { id: period.id, status }));
  return 0;
}

/** `dti period reopen <id> --unit X --until dd/mm/yyyy --reason "…"` */
export async function reopenCommand(
  ctx: CliContext, id: string, options: { unit: string; until: string; reason: string },
): Promise<number> {
  const { i18n, locale } = ctx;
  const store = await ctx.store();
  const periodId = idArgument(ctx, id);
  const period = periodId === null ? null : await store.periods.byId(periodId);
  if (!period) {
    if (periodId !== null) ctx.err(i18n.t(locale, "cli-period-unknown", { id }));
    return 1;
  }
  const unit = await store.units.byCode(period.provinceId, options.unit);
  const until = parseVnDate(options.until, { endOfDay: true });
  if (!unit) ctx.err(i18n.t(locale, "cli-unit-unknown", { code: options.unit }));
  if (!until || until <= ctx.now()) ctx.err(i18n.t(locale, "cli-reopen-bad-until", { value: options.until }));
  if (!options.reason.trim()) ctx.err(i18n.t(locale, "cli-reopen-needs-reason"));
  if (!unit || !until || until <= ctx.now() || !options.reason.trim()) return 1;
  await store.periods.reopen({ periodId: period.id, unitId: unit.id, until, reason: options.reason.trim() }, ctx.actor);
  ctx.out(i18n.t(locale, "cli-reopened", { unit: unit.name, until: formatDate(until, locale) }));
  return 0;
}
