import { createWorkCalendar, dayOf } from "../bot/calendar.js";
import { parseVnDate } from "../i18n/dates.js";
import type { CliContext } from "./context.js";
import { compactTable } from "./output.js";

const toDay = (text: string) => {
  const date = parseVnDate(text);
  return date ? dayOf(date) : null;
};
const shown = (day: string) => day.split("-").reverse().join("/");

/** `dti calendar add <dd/mm/yyyy> [--to dd/mm/yyyy] [--workday] --note "…"`: the days the government decides each year. */
export interface CalendarAddOptions {
  readonly to?: string;
  readonly workday?: boolean;
  readonly note?: string;
}

export async function calendarAddCommand(ctx: CliContext, from: string, options: CalendarAddOptions): Promise<number> {
  const { i18n, locale } = ctx;
  const first = toDay(from);
  const last = options.to ? toDay(options.to) : first;
  // A range is a holiday or a run of bridging days, never months.
  if (!first || !last || last < first || Date.parse(last) - Date.parse(first) > 60 * 86_400_000) {
    ctx.err(i18n.t(locale, "cli-calendar-bad-date", { value: options.to && first ? options.to : from }));
    return 1;
  }
  const store = await ctx.store();
  const kind = options.workday ? "workday" : "holiday";
  const note = options.note?.trim() || i18n.t(locale, "cli-calendar-default-note", { kind });
  let count = 0;
  for (let d = first; d <= last; d = dayOf(new Date(Date.parse(`${d}T12:00:00Z`) + 86_400_000))) {
    await store.calendar.set({ day: d, kind, note }, ctx.actor);
    count += 1;
  }
  ctx.out(i18n.t(locale, "cli-calendar-added", { count, kind, from: shown(first), to: shown(last) }));
  return 0;
}

export async function calendarRemoveCommand(ctx: CliContext, day: string): Promise<number> {
  const { i18n, locale } = ctx;
  const d = toDay(day);
  if (!d) {
    ctx.err(i18n.t(locale, "cli-calendar-bad-date", { value: day }));
    return 1;
  }
  const removed = await (await ctx.store()).calendar.remove(d, ctx.actor);
  ctx.out(i18n.t(locale, removed ? "cli-calendar-removed" : "cli-calendar-not-there", { day: shown(d) }));
  return removed ? 0 : 1;
}

/** `dti calendar list [--year N]`: the department's own days, and the public holidays the bot already knows. */
export async function calendarListCommand(ctx: CliContext, options: { year?: string }): Promise<number> {
  const { i18n, locale } = ctx;
  const year = options.year ? Number(options.year) : Number(dayOf(ctx.now()).slice(0, 4));
  const overrides = await (await ctx.store()).calendar.list();
  const calendar = createWorkCalendar({ overrides });
  const h = (key: string) => i18n.t(locale, `cli-calendar-header-${key}`);
  const table = compactTable([h("day"), h("kind"), h("note"), h("source")]);
  const days = new Map<string, [string, string, string]>();
  // Each day the law or the year's notice sets, with where it comes from; then the department's own days over them.
  for (let t = Date.parse(`${year}-01-01T12:00:00Z`); t < Date.parse(`${year + 1}-01-01T00:00:00Z`); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    const legal = calendar.legalDay(day);
    if (legal) days.set(day, [i18n.t(locale, "cli-calendar-kind", { kind: legal.kind }), legal.name, legal.source]);
  }
  for (const o of overrides.filter((x) => x.day.startsWith(String(year)))) {
    days.set(o.day, [i18n.t(locale, "cli-calendar-kind", { kind: o.kind === "holiday" ? "own_off" : o.kind }), o.note, i18n.t(locale, "cli-calendar-own")]);
  }
  for (const [day, [kind, note, source]] of [...days].sort(([a], [b]) => a.localeCompare(b))) table.push([shown(day), kind, note, source]);
  ctx.out(i18n.t(locale, "cli-calendar-title", { year: String(year) }));
  ctx.out(table.toString());
  return 0;
}
