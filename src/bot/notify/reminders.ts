import { dayOf, type Day, type WorkCalendar } from "../calendar.js";
import type { Delegation, OutboxKind, OutboxSubject, QueuedReply } from "../ports/delivery.js";
import type { PeriodDeadlineKind, PeriodRecord, UnitKindCode } from "../ports/records.js";
import { daysLeft } from "../handlers/dates.js";
import { line, type Line } from "../reply.js";

export interface ReminderSettings {
  /** Working days before a deadline to remind on; 0 is the day itself (or the working day before it). */
  readonly offsets: readonly number[];
  /** Local time a reminder goes out, moved to the next working slot when the office is closed. */
  readonly time: string;
}

export const DEFAULT_REMINDERS: ReminderSettings = { offsets: [7, 3, 1, 0], time: "08:00" };

/** What a unit still owes in a period, and who answers for it. */
export interface UnitStanding {
  readonly unitId: number;
  readonly unitName: string;
  readonly unitKind: UnitKindCode;
  /** Base items without a figure, with what they are worth. */
  readonly missing: readonly { readonly code: string; readonly name: string; readonly max: number }[];
  /** Figures submitted and not yet approved by a leader. */
  readonly awaitingApproval: number;
  /** Items with a figure whose rule demands evidence, and none given yet: incomplete until it is. */
  readonly needsEvidence?: readonly { readonly code: string; readonly name: string }[];
  readonly officers: readonly number[];
  readonly leaders: readonly number[];
  /** How to submit, shown with an item of the unit's own set ("4.14 = 394/508" only where 4.14 exists). */
  readonly example?: string;
}

export interface ReminderInput {
  readonly period: PeriodRecord;
  readonly units: readonly UnitStanding[];
  readonly calendar: WorkCalendar;
  readonly settings: ReminderSettings;
  /** People who asked for quiet, until when. */
  readonly snoozes: ReadonlyMap<number, Date>;
  readonly delegations: readonly Delegation[];
  /** Provincial admins, who hear about late units. */
  readonly admins: readonly number[];
  readonly now: Date;
}

export interface PlannedMessage {
  /** One per message and person: planning twice, on two instances or after a restart, queues it once. */
  readonly key: string;
  readonly personId: number;
  readonly kind: OutboxKind;
  readonly reply: QueuedReply;
  readonly notBefore: Date;
  /** What it is about, to decide it again when it is sent. */
  readonly subject: OutboxSubject;
}

/** How long after a deadline its escalations are still worth sending (a restart after a long outage). */
const ESCALATION_WINDOW_MS = 14 * 86_400_000;
const LISTED_ITEMS = 10;
const LISTED_UNITS = 30;

/** When each reminder of a deadline goes out: the slot's day and the first open moment from the set time. */
export function reminderSlots(calendar: WorkCalendar, settings: ReminderSettings, dueAt: Date): { day: Day; at: Date }[] {
  const dueDay = dayOf(dueAt);
  const slots = new Map<Day, Date>();
  for (const n of settings.offsets) {
    const day = calendar.workingDaysBefore(dueDay, n);
    const at = calendar.nextOpen(calendar.at(day, settings.time));
    // A slot that would only open after the deadline is no reminder.
    if (at < dueAt) slots.set(day, at);
  }
  return [...slots].map(([day, at]) => ({ day, at })).sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The reminder time on the first working day whose slot comes after `instant`. */
function firstSlotAfter(calendar: WorkCalendar, time: string, instant: Date): Date {
  let day = dayOf(instant);
  if (!calendar.isWorkingDay(day) || calendar.at(day, time) <= instant) day = calendar.nextWorkingDay(day);
  return calendar.nextOpen(calendar.at(day, time));
}

/** The slot in force at `now`: the latest that has opened, while the deadline has not passed. */
function currentSlot(slots: { day: Day; at: Date }[], dueAt: Date, now: Date): { day: Day; at: Date } | null {
  if (now >= dueAt) return null;
  return slots.filter((s) => s.at <= now).at(-1) ?? null;
}

/** Who gets a person's reminders for a unit on a day: a colleague they handed that unit's reminders to, or themselves. */
export function recipientFor(personId: number, unitId: number, day: Day, delegations: readonly Delegation[]): number {
  const covers = (d: Delegation) =>
    d.personId === personId && (d.unitId === null || d.unitId === unitId) && d.fromDay <= day && day <= d.toDay;
  return delegations.find(covers)?.toPersonId ?? personId;
}

export function deadlineOf(period: PeriodRecord, kind: PeriodDeadlineKind): Date | null {
  return period.deadlines.find((d) => d.kind === kind)?.dueAt ?? null;
}

function missingLines(u: UnitStanding): Line[] {
  const items = [...u.missing].sort((a, b) => b.max - a.max);
  const lines = items.slice(0, LISTED_ITEMS).map((m) => line("notify-missing-item", { code: m.code, name: m.name, max: m.max }));
  if (items.length > LISTED_ITEMS) lines.push(line("notify-missing-more", { count: items.length - LISTED_ITEMS }));
  return lines;
}

function evidenceLines(u: UnitStanding): Line[] {
  const items = u.needsEvidence ?? [];
  if (items.length === 0) return [];
  return [
    line("notify-needs-evidence", { count: items.length }),
    ...items.slice(0, LISTED_ITEMS).map((m) => line("notify-needs-evidence-item", { code: m.code, name: m.name })),
  ];
}

export const BUTTONS = [[{ label: line("bot-button-missing"), action: "cmd:thieu" }, { label: line("notify-button-deadlines"), action: "cmd:hanchot" }]];

/** Who owes what for a reminder of a stage, and who hears it. */
export const STAGES = {
  submission: {
    holders: (u: UnitStanding) => u.officers,
    owes: (u: UnitStanding) => u.missing.length > 0 || (u.needsEvidence?.length ?? 0) > 0,
  },
  leader_approval: { holders: (u: UnitStanding) => u.leaders, owes: (u: UnitStanding) => u.awaitingApproval > 0 },
} as const;

/** A reminder's text as of `now`: what the unit owes, the deadline and the days left then. */
export function reminderLines(stage: "submission" | "leader_approval", period: PeriodRecord, u: UnitStanding, due: Date, now: Date): Line[] {
  if (stage === "leader_approval") {
    return [
      line("notify-remind-approval", { year: String(period.year), unit: u.unitName, count: u.awaitingApproval, date: due }, "bold"),
      line("notify-remind-approval-how"),
    ];
  }
  return [
    u.missing.length > 0
      ? line("notify-remind-submission", {
          year: String(period.year), unit: u.unitName, count: u.missing.length, points: u.missing.reduce((a, m) => a + m.max, 0), date: due,
          days: Math.max(0, daysLeft(now, due)),
        }, "bold")
      : line("notify-remind-evidence-only", { year: String(period.year), unit: u.unitName, date: due, days: Math.max(0, daysLeft(now, due)) }, "bold"),
    ...missingLines(u),
    ...evidenceLines(u),
    line("notify-remind-how", { figure: u.example ?? "" }),
  ];
}

/** The late notice to a unit's leaders. */
export function lateLeaderLines(u: UnitStanding, submission: Date): Line[] {
  return [line("notify-late-leader", { unit: u.unitName, count: u.missing.length, date: submission }, "bold"), ...missingLines(u)];
}

/** The department's list of units late with their figures, by kind of unit. */
export function lateDepartmentLines(period: PeriodRecord, units: readonly UnitStanding[], submission: Date): Line[] {
  const late = units.filter((u) => u.missing.length > 0);
  const byKind = new Map<UnitKindCode, { late: number; all: number }>();
  for (const u of units) {
    const k = byKind.get(u.unitKind) ?? { late: 0, all: 0 };
    k.all += 1;
    if (u.missing.length > 0) k.late += 1;
    byKind.set(u.unitKind, k);
  }
  const head = { year: String(period.year), date: submission, late: late.length, all: units.length };
  const lines: Line[] = [line("notify-late-department", head, "bold")];
  for (const [kind, k] of byKind) if (k.late > 0) lines.push(line("notify-late-kind", { kind, late: k.late, all: k.all }));
  const listed = [...late].sort((a, b) => b.missing.length - a.missing.length);
  for (const u of listed.slice(0, LISTED_UNITS)) lines.push(line("notify-late-unit", { unit: u.unitName, count: u.missing.length }));
  if (listed.length > LISTED_UNITS) lines.push(line("notify-missing-more-units", { count: listed.length - LISTED_UNITS }));
  return lines;
}

/**
 * Everything to send for one period at `now`: reminders to officers of units
 * with missing items and to leaders with figures to approve (at the slot in
 * force), the late notice to leaders once the submission deadline has
 * passed, and a day later the list of late units to the department. A unit
 * that has everything in hears nothing; a snoozed person hears nothing until
 * the snooze ends; a hand-over sends a person's reminders to a colleague.
 */
export function planReminders(input: ReminderInput): PlannedMessage[] {
  const { period, calendar, settings, now } = input;
  const out: PlannedMessage[] = [];
  const quiet = (personId: number) => (input.snoozes.get(personId)?.getTime() ?? 0) > now.getTime();
  for (const stage of ["submission", "leader_approval"] as const) {
    const due = deadlineOf(period, stage);
    if (!due) continue;
    const slot = currentSlot(reminderSlots(calendar, settings, due), due, now);
    if (!slot) continue;
    // Planned late (a restart, a snooze that ended in the evening, someone who joined at night): it still
    // waits for office hours, and is dropped if those come only after the deadline.
    const notBefore = calendar.nextOpen(now > slot.at ? now : slot.at);
    if (notBefore >= due) continue;
    for (const u of input.units.filter(STAGES[stage].owes)) {
      const people = new Set(STAGES[stage].holders(u).map((p) => recipientFor(p, u.unitId, slot.day, input.delegations)));
      for (const personId of people) {
        if (quiet(personId)) continue;
        out.push({
          key: `remind:${stage}:${period.id}:${u.unitId}:${slot.day}:${personId}`, personId, kind: "reminder",
          reply: { lines: reminderLines(stage, period, u, due, notBefore), buttons: BUTTONS }, notBefore,
          subject: { type: "remind", stage, periodId: period.id, unitId: u.unitId },
        });
      }
    }
  }

  const submission = deadlineOf(period, "submission");
  if (submission && now >= submission && now.getTime() - submission.getTime() < ESCALATION_WINDOW_MS) {
    const late = input.units.filter((u) => u.missing.length > 0);
    // Leaders hear at the first reminder time after the deadline; the department one working day later.
    const leadersAt = firstSlotAfter(calendar, settings.time, submission);
    if (now >= leadersAt) {
      const notBefore = calendar.nextOpen(now);
      for (const u of late) {
        for (const personId of new Set(u.leaders)) {
          out.push({
            key: `late:leader:${period.id}:${u.unitId}:${personId}`, personId, kind: "escalation", notBefore,
            reply: { lines: lateLeaderLines(u, submission), buttons: BUTTONS }, subject: { type: "late_leader", periodId: period.id, unitId: u.unitId },
          });
        }
      }
    }
    const departmentAt = calendar.nextOpen(calendar.at(calendar.nextWorkingDay(dayOf(leadersAt)), settings.time));
    if (now >= departmentAt && late.length > 0) {
      const lines = lateDepartmentLines(period, input.units, submission);
      for (const personId of new Set(input.admins)) {
        out.push({
          key: `late:department:${period.id}:${personId}`, personId, kind: "escalation", notBefore: calendar.nextOpen(now), reply: { lines },
          subject: { type: "late_department", periodId: period.id, provinceId: period.provinceId },
        });
      }
    }
  }
  return out;
}
