import { readVnDate, vnClock, type DateReading } from "../../i18n/dates.js";
import { fold } from "../../scoring/index.js";
import { dayOf, startOf } from "../calendar.js";
import { holdersByUnit } from "../notify/jobs.js";
import type { OutboxInput } from "../ports/delivery.js";
import { line, reply, text, type Line, type Reply } from "../reply.js";
import { periodForUnit, rolesIn, type CoreDeps, type Session, noUnitLine } from "../session.js";

const HOUR_MS = 3_600_000;
const MAX_SNOOZE_MS = 30 * 24 * HOUR_MS;

/** "2 ngay", "2 ngày", "2", "4 gio", "đến 30/11/2026": until when; null when unreadable, or why the date is no day. */
export function snoozeUntil(argument: string, now: Date): DateReading | null {
  const a = fold(argument).trim();
  const amount = /^(\d{1,3})\s*(ngay|n|d|day|days|gio|g|h|hour|hours|tieng)?$/.exec(a);
  if (amount) {
    const n = Number(amount[1]);
    const hours = /^(gio|g|h|hour|hours|tieng)$/.test(amount[2] ?? "") ? n : n * 24;
    return { date: new Date(now.getTime() + hours * HOUR_MS) };
  }
  const until = /^(?:den|toi|until)\s+(.+)$/.exec(a);
  if (until) return readVnDate(until[1]!, { endOfDay: true });
  return null;
}

/** The answer to a date that is no day: written wrong, or a day the calendar does not have (30/02). */
const dateProblem = (problem: "format" | "impossible", value: string): Line =>
  line(problem === "impossible" ? "bot-date-impossible" : "bot-date-format", { value });

/** /hoanlai: pause reminders for a while, see the pause, or end it. */
export async function snooze(deps: CoreDeps, session: Session, argument: string): Promise<Reply[]> {
  const person = session.person;
  if (!person) return [reply([line("bot-not-bound"), line("bot-start-how")])];
  const now = deps.now();
  const a = fold(argument).trim();
  if (a === "huy" || a === "tiep" || a === "off" || a === "stop") {
    const had = await deps.store.reminderPrefs.unsnooze(person.id);
    return [reply([line(had ? "bot-snooze-ended" : "bot-snooze-none")])];
  }
  if (!a) {
    const until = (await deps.store.reminderPrefs.snoozes(now)).get(person.id);
    return [reply([until ? line("bot-snooze-status", { date: until, time: vnClock(until) }) : line("bot-snooze-none"), line("bot-snooze-how")])];
  }
  const reading = snoozeUntil(argument, now);
  if (!reading) return [reply([line("bot-snooze-bad", { value: argument }), line("bot-snooze-how")])];
  if ("problem" in reading) return [reply([dateProblem(reading.problem, argument.replace(/^\S+\s+/, "")), line("bot-snooze-how")])];
  const until = reading.date;
  if (until <= now) return [reply([line("bot-snooze-past", { date: until }), line("bot-snooze-how")])];
  if (until.getTime() - now.getTime() > MAX_SNOOZE_MS) return [reply([line("bot-snooze-too-long")])];
  await deps.store.reminderPrefs.snooze(person.id, until);
  return [reply([line("bot-snooze-set", { date: until, time: vnClock(until) })])];
}

/** Colleagues in the person's unit who can take reminders: officers and leaders the bot can reach, themselves excluded. */
async function colleagues(deps: CoreDeps, session: Session) {
  const unit = session.unit!;
  const roles = await deps.store.people.activeRoles(unit.provinceId);
  const held = holdersByUnit(roles).get(unit.id) ?? { officers: [], leaders: [] };
  const others = [...new Set([...held.officers, ...held.leaders])].filter((id) => id !== session.person!.id);
  const reach = await deps.store.identities.preferred(others, deps.delivery?.channels ?? ["telegram", "zalo", "console"]);
  const ids = others.filter((id) => reach.has(id));
  const people = await Promise.all(ids.map((id) => deps.store.people.byId(id)));
  return people.filter((p) => p !== null);
}

/**
 * /uyquyen: hand one's reminders to a colleague of the unit for some days.
 * "/uyquyen" lists colleagues (a tap hands over until the submission
 * deadline); "/uyquyen 2 24/11/2026 30/11/2026" gives the range; "/uyquyen huy" ends it.
 */
export async function delegate(deps: CoreDeps, session: Session, argument: string, tappedPersonId?: number): Promise<Reply[]> {
  const person = session.person;
  if (!person) return [reply([line("bot-not-bound"), line("bot-start-how")])];
  const now = deps.now();
  const a = fold(argument).trim();
  // Reminders go to a unit's officers and leaders: only they have any to hand over (an admin or a reviewer has none).
  const own = session.unit ? rolesIn(session, session.unit.id) : new Set();
  if (a !== "huy" && !own.has("officer") && !own.has("leader")) return [reply([line("bot-delegate-role")])];
  if (!session.unit) return [reply([noUnitLine(session)])];
  if (a === "huy") {
    const ended = await deps.store.reminderPrefs.cancelDelegations(person.id, now);
    return [reply([line(ended > 0 ? "bot-delegate-ended" : "bot-delegate-none")])];
  }
  const list = await colleagues(deps, session);
  if (list.length === 0) return [reply([line("bot-delegate-nobody", { unit: session.unit.name })])];
  const found = await periodForUnit(deps, session.unit);
  const deadline = found?.period.deadlines.find((d) => d.kind === "submission")?.dueAt ?? new Date(now.getTime() + 7 * 24 * HOUR_MS);
  // Nothing is reminded after the period's last deadline; without a period, a hand-over lasts at most as long as a snooze.
  const lastDeadline = found ? Math.max(...found.period.deadlines.map((d) => d.dueAt.getTime())) : -Infinity;
  const latest = dayOf(new Date(Number.isFinite(lastDeadline) ? lastDeadline : now.getTime() + MAX_SNOOZE_MS));
  let to: number | undefined = tappedPersonId;
  let fromDay = dayOf(now);
  let toDay = dayOf(deadline);
  if (to === undefined) {
    const m = /^(\d{1,2})(?:\s+(\S+))?(?:\s+(\S+))?$/.exec(a);
    if (!m) {
      const lines: Line[] = [line("bot-delegate-choose", { unit: session.unit.name, date: deadline })];
      list.forEach((p, i) => lines.push(text(`${i + 1}. ${p.fullName}`)));
      lines.push(line("bot-delegate-how"));
      return [reply(lines, list.map((p) => [{ label: text(p.fullName), action: `deleg:${p.id}` }]))];
    }
    to = list[Number(m[1]) - 1]?.id;
    const written = [m[2], m[3]].filter((d): d is string => d !== undefined);
    const days: Date[] = [];
    for (const value of written) {
      const reading = readVnDate(value);
      if ("problem" in reading) return [reply([dateProblem(reading.problem, value), line("bot-delegate-how")])];
      days.push(reading.date);
    }
    // One date: from today until then; two: the range.
    if (days.length === 2) fromDay = dayOf(days[0]!);
    if (days.length > 0) toDay = dayOf(days.at(-1)!);
  }
  const colleague = list.find((p) => p.id === to);
  if (!colleague) return [reply([line("bot-delegate-unknown"), line("bot-delegate-how")])];
  if (fromDay < dayOf(now)) return [reply([line("bot-delegate-past", { date: startOf(fromDay) }), line("bot-delegate-how")])];
  if (toDay < fromDay) return [reply([line("bot-delegate-bad-range")])];
  if (toDay > latest) return [reply([line("bot-delegate-too-long", { date: startOf(latest) })])];
  const [from, until] = [startOf(fromDay), startOf(toDay)];
  // The colleague hears about it from the bot, through the queue, in the same transaction as the hand-over.
  const reach = deps.delivery ? await deps.store.identities.preferred([colleague.id], deps.delivery.channels) : new Map();
  const identity = reach.get(colleague.id);
  const unit = session.unit;
  const notice = (delegationId: number): OutboxInput | null => {
    if (!identity) return null;
    return {
      key: `delegation:${delegationId}`, identityId: identity.id, kind: "notice", notBefore: now,
      reply: { lines: [line("notify-delegated", { from: person.fullName, unit: unit.name, start: from, end: until })] },
    };
  };
  await deps.store.reminderPrefs.delegate({ personId: person.id, unitId: unit.id, toPersonId: colleague.id, fromDay, toDay }, notice, now);
  deps.delivery?.wake();
  return [reply([line("bot-delegate-set", { name: colleague.fullName, start: from, end: until })])];
}
