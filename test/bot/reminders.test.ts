import { describe, expect, it } from "vitest";
import { createWorkCalendar } from "../../src/bot/calendar.js";
import { DEFAULT_REMINDERS, planReminders, reminderSlots, type ReminderInput, type UnitStanding } from "../../src/bot/notify/reminders.js";
import type { PeriodRecord } from "../../src/bot/ports/records.js";

const at = (iso: string) => new Date(`${iso}+07:00`);
const calendar = createWorkCalendar();
const local = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");

const period = (submission: string, approval?: string): PeriodRecord => ({
  id: 7, provinceId: 1, rulesetId: "minh-hoa-so-nganh", year: 2025, status: "open", windowFrom: null, windowTo: null,
  deadlines: [
    { kind: "submission", dueAt: at(`${submission}T23:59:59`) },
    ...(approval ? [{ kind: "leader_approval" as const, dueAt: at(`${approval}T23:59:59`) }] : []),
  ],
} as PeriodRecord);

const unit = (id: number, missing: number, extra: Partial<UnitStanding> = {}): UnitStanding => ({
  unitId: id, unitName: `Đơn vị ${id}`, unitKind: id < 100 ? "department" : "commune",
  missing: Array.from({ length: missing }, (_, i) => ({ code: `6.${i + 1}`, name: `Chỉ số 6.${i + 1}`, max: 5 })),
  awaitingApproval: 0, officers: [id * 10], leaders: [id * 10 + 1], ...extra,
});

const plan = (overrides: Partial<ReminderInput>) => planReminders({
  period: period("2026-11-30"), units: [], calendar, settings: DEFAULT_REMINDERS, snoozes: new Map(), delegations: [], admins: [900],
  now: at("2026-11-25T09:00"), ...overrides,
});
const who = (messages: ReturnType<typeof planReminders>) => messages.map((m) => `${m.kind}:${m.personId}`).sort();

describe("reminder slots", () => {
  it.each([
    ["a Monday deadline: 7, 3 and 1 working days before, and the day", "2026-11-30", ["2026-11-19 08:00", "2026-11-25 08:00", "2026-11-27 08:00", "2026-11-30 08:00"]],
    ["a Sunday deadline: the last reminder on the Friday before", "2026-12-06", ["2026-11-25 08:00", "2026-12-01 08:00", "2026-12-03 08:00", "2026-12-04 08:00"]],
    // Tết Đinh Mùi by the law's default: 5–9/2/2027, and 10–11/2 in lieu of its Saturday and Sunday.
    ["a deadline just after Tết: no reminder falls in the holiday", "2027-02-12", ["2027-01-27 08:00", "2027-02-02 08:00", "2027-02-04 08:00", "2027-02-12 08:00"]],
  ])("%s", (_case, deadline, expected) => {
    expect(reminderSlots(calendar, DEFAULT_REMINDERS, at(`${deadline}T23:59:59`)).map((s) => local(s.at))).toEqual(expected);
  });
});

describe("who is reminded, and when", () => {
  it("reminds the officers of units with missing items at the slot in force, and no one whose unit is complete", () => {
    const messages = plan({ units: [unit(1, 3), unit(2, 0), unit(3, 1)] });
    expect(who(messages)).toEqual(["reminder:10", "reminder:30"]);
    expect(messages[0]!.key).toBe("remind:submission:7:1:2026-11-25:10");
    // Planned at 09:00, after the slot opened: it goes now.
    expect(local(messages[0]!.notBefore)).toBe("2026-11-25 09:00");
  });

  it("plans the same keys when run again later in the same slot, and new ones at the next slot", () => {
    const units = [unit(1, 3)];
    const first = plan({ units, now: at("2026-11-25T08:00") }).map((m) => m.key);
    expect(plan({ units, now: at("2026-11-26T16:00") }).map((m) => m.key)).toEqual(first);
    expect(plan({ units, now: at("2026-11-27T08:05") }).map((m) => m.key)).toEqual(["remind:submission:7:1:2026-11-27:10"]);
  });

  it("says nothing before the first slot", () => {
    expect(plan({ units: [unit(1, 3)], now: at("2026-11-18T16:00") })).toEqual([]);
  });

  it("skips a snoozed person until the snooze ends", () => {
    const snoozes = new Map([[10, at("2026-11-26T23:00")]]);
    expect(plan({ units: [unit(1, 3)], snoozes })).toEqual([]);
    expect(who(plan({ units: [unit(1, 3)], snoozes, now: at("2026-11-27T09:00") }))).toEqual(["reminder:10"]);
  });

  it("sends a person's reminders to the colleague they handed them to, within the days given, once", () => {
    const units = [unit(1, 3, { officers: [10, 11] })];
    const delegations = [{ id: 1, personId: 10, unitId: 1, toPersonId: 11, fromDay: "2026-11-24", toDay: "2026-11-26" }];
    expect(who(plan({ units, delegations }))).toEqual(["reminder:11"]);
    expect(who(plan({ units, delegations, now: at("2026-11-27T09:00") }))).toEqual(["reminder:10", "reminder:11"]);
  });

  it("hands over only the unit it was given for, when the person serves several", () => {
    const units = [unit(1, 3, { officers: [10] }), unit(2, 2, { officers: [10] })];
    const delegations = [{ id: 1, personId: 10, unitId: 1, toPersonId: 13, fromDay: "2026-11-24", toDay: "2026-11-26" }];
    expect(plan({ units, delegations }).map((m) => `${m.key.split(":")[3]}→${m.personId}`).sort()).toEqual(["1→13", "2→10"]);
  });

  it("waits for office hours when planned late, and drops a reminder whose next working slot is past the deadline", () => {
    // A snooze ended at 20:00: the reminder of the day's slot waits for the next morning.
    const evening = plan({ units: [unit(1, 3)], now: at("2026-11-25T20:10") });
    expect(evening.map((m) => local(m.notBefore))).toEqual(["2026-11-26 07:30"]);
    // Planned at 21:00 on the deadline day itself: the next morning is too late for a reminder.
    expect(plan({ units: [unit(1, 3)], now: at("2026-11-30T21:00") })).toEqual([]);
    // A catch-up on Saturday sends Friday's reminder on Monday morning.
    expect(plan({ units: [unit(1, 3)], period: period("2026-12-04"), now: at("2026-11-28T10:00") }).map((m) => local(m.notBefore))).toEqual(["2026-11-30 07:30"]);
  });

  it("reminds leaders of figures waiting for their approval, before their own deadline", () => {
    const units = [unit(1, 0, { awaitingApproval: 4 })];
    const messages = plan({ period: period("2026-11-30", "2026-12-03"), units, now: at("2026-12-02T10:00") });
    expect(who(messages)).toEqual(["reminder:11"]);
    expect(messages[0]!.key).toBe("remind:leader_approval:7:1:2026-12-02:11");
  });

  it("after the deadline, tells the late unit's leader, and a working day later the department, with counts per kind", () => {
    const units = [unit(1, 3), unit(2, 0), unit(101, 2), unit(102, 1), unit(103, 0)];
    expect(who(plan({ units, now: at("2026-12-01T07:59") }))).toEqual([]);
    expect(who(plan({ units, now: at("2026-12-01T08:00") }))).toEqual(["escalation:1011", "escalation:1021", "escalation:11"]);
    const dayAfter = plan({ units, now: at("2026-12-02T08:30") });
    expect(who(dayAfter)).toEqual(["escalation:1011", "escalation:1021", "escalation:11", "escalation:900"]);
    const report = dayAfter.find((m) => m.personId === 900)!;
    expect(report.reply.lines.map((l) => ("key" in l ? [l.key, l.args] : l))).toEqual([
      ["notify-late-department", { year: "2025", date: at("2026-11-30T23:59:59"), late: 3, all: 5 }],
      ["notify-late-kind", { kind: "department", late: 1, all: 2 }],
      ["notify-late-kind", { kind: "commune", late: 2, all: 3 }],
      ["notify-late-unit", { unit: "Đơn vị 1", count: 3 }],
      ["notify-late-unit", { unit: "Đơn vị 101", count: 2 }],
      ["notify-late-unit", { unit: "Đơn vị 102", count: 1 }],
    ]);
  });

  it("after a weekend deadline, escalates on Monday and Tuesday", () => {
    const units = [unit(1, 3)];
    const p = period("2026-12-06");
    expect(who(plan({ period: p, units, now: at("2026-12-07T08:00") }))).toEqual(["escalation:11"]);
    expect(who(plan({ period: p, units, now: at("2026-12-08T08:00") }))).toEqual(["escalation:11", "escalation:900"]);
  });

  it("stops escalating two weeks after the deadline", () => {
    expect(plan({ units: [unit(1, 3)], now: at("2026-12-20T09:00") })).toEqual([]);
  });
});
