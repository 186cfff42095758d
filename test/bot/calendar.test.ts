import { describe, expect, it } from "vitest";
import { createWorkCalendar, dayOf } from "../../src/bot/calendar.js";

const at = (iso: string) => new Date(`${iso}+07:00`);
const local = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");

describe("working calendar (Asia/Ho_Chi_Minh, 07:30–17:00, Monday–Friday)", () => {
  const calendar = createWorkCalendar({
    overrides: [
      { day: "2027-02-04", kind: "holiday", note: "Nghỉ bù Tết Đinh Mùi" },
      { day: "2027-02-20", kind: "workday", note: "Làm bù ngày 04/02" },
    ],
  });

  it.each([
    ["within office hours stays", "2026-11-25T09:00", "2026-11-25 09:00"],
    ["before opening waits for 07:30", "2026-11-25T06:10", "2026-11-25 07:30"],
    ["after closing moves to the next morning", "2026-11-25T18:00", "2026-11-26 07:30"],
    ["Friday evening moves to Monday", "2026-11-27T17:00", "2026-11-30 07:30"],
    ["a Saturday moves to Monday", "2026-11-28T10:00", "2026-11-30 07:30"],
    ["National Day (2/9) is closed", "2026-09-02T09:00", "2026-09-03 07:30"],
    ["Tết Bính Ngọ (16–20/2/2026) is closed", "2026-02-17T09:00", "2026-02-23 07:30"],
    ["the department's bridging day before Tết Đinh Mùi is closed too", "2027-02-04T08:00", "2027-02-10 07:30"],
    ["a make-up Saturday is a working day", "2027-02-20T09:00", "2027-02-20 09:00"],
  ])("%s", (_case, instant, expected) => {
    expect(local(calendar.nextOpen(at(instant)))).toBe(expected);
  });

  it("counts working days back over weekends and Tết", () => {
    expect(calendar.workingDaysBefore("2026-11-30", 1)).toBe("2026-11-27");
    expect(calendar.workingDaysBefore("2026-11-30", 7)).toBe("2026-11-19");
    expect(calendar.workingDaysBefore("2026-12-06", 0)).toBe("2026-12-04");
    expect(calendar.workingDaysBefore("2027-02-10", 1)).toBe("2027-02-03");
  });

  it("names why a day is closed", () => {
    expect(calendar.closedBecause("2026-09-02")).toBe("Quốc khánh");
    expect(calendar.closedBecause("2027-02-04")).toBe("Nghỉ bù Tết Đinh Mùi");
    expect(calendar.closedBecause("2026-11-28")).toBe("weekend");
    expect(calendar.closedBecause("2026-11-25")).toBeNull();
    expect(dayOf(at("2026-11-25T23:30"))).toBe("2026-11-25");
  });
});
