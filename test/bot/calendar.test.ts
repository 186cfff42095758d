import { describe, expect, it } from "vitest";
import { createWorkCalendar, dayOf } from "../../src/bot/calendar.js";
import { legalDays } from "../../src/bot/holidays/law.js";

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
    // Tết Đinh Mùi (no notice yet): 5–9/2/2027 by the law's default, and 10–11/2 in lieu of Saturday 6 and Sunday 7.
    ["the department's bridging day before Tết Đinh Mùi is closed too", "2027-02-04T08:00", "2027-02-12 07:30"],
    ["a make-up Saturday is a working day", "2027-02-20T09:00", "2027-02-20 09:00"],
  ])("%s", (_case, instant, expected) => {
    expect(local(calendar.nextOpen(at(instant)))).toBe(expected);
  });

  it("counts working days back over weekends and Tết", () => {
    expect(calendar.workingDaysBefore("2026-11-30", 1)).toBe("2026-11-27");
    expect(calendar.workingDaysBefore("2026-11-30", 7)).toBe("2026-11-19");
    expect(calendar.workingDaysBefore("2026-12-06", 0)).toBe("2026-12-04");
    expect(calendar.workingDaysBefore("2027-02-12", 1)).toBe("2027-02-03");
  });

  it("names why a day is closed", () => {
    expect(calendar.closedBecause("2026-09-02")).toBe("Quốc khánh");
    expect(calendar.closedBecause("2027-02-04")).toBe("Nghỉ bù Tết Đinh Mùi");
    expect(calendar.closedBecause("2026-11-28")).toBe("weekend");
    expect(calendar.closedBecause("2026-11-25")).toBeNull();
    expect(dayOf(at("2026-11-25T23:30"))).toBe("2026-11-25");
  });
});

describe("the legal calendar: the Labour Code 2019 and each year's notice for civil servants", () => {
  const calendar = createWorkCalendar();
  const said = (day: string) => calendar.legalDay(day);

  it.each([
    ["2025-01-27", "Tết Nguyên đán (trước Giao thừa)", "8726/VPCP-KGVX"],
    ["2025-01-29", "Tết Nguyên đán (mùng 1)", "8726/VPCP-KGVX"],
    ["2025-05-02", "Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)", "8726/VPCP-KGVX"],
    ["2025-09-01", "Quốc khánh", "8726/VPCP-KGVX"],
    ["2026-01-02", "Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)", "12729/VPCP-KGVX"],
    ["2026-02-16", "Tết Nguyên đán (Giao thừa)", "9441/TB-BNV"],
    ["2026-04-27", "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)", "Điều 111"],
    ["2026-08-31", "Nghỉ hoán đổi (làm bù thứ Bảy 22/08/2026)", "9441/TB-BNV"],
    ["2026-09-01", "Quốc khánh", "9441/TB-BNV"],
    ["2027-02-05", "Tết Nguyên đán (Giao thừa)", "chưa có thông báo của năm"],
    ["2027-02-09", "Tết Nguyên đán (mùng 4)", "chưa có thông báo của năm"],
    ["2027-02-10", "Nghỉ bù Tết Nguyên đán (mùng 1)", "Điều 111"],
    ["2027-02-11", "Nghỉ bù Tết Nguyên đán (mùng 2)", "Điều 111"],
  ])("%s is off: %s, citing %s", (day, name, source) => {
    expect(calendar.isWorkingDay(day)).toBe(false);
    expect(said(day)?.name).toBe(name);
    expect(said(day)?.source).toContain(source);
  });

  it.each([
    ["2025-04-26", "Làm việc bù cho thứ Sáu 02/05/2025"],
    ["2026-01-10", "Làm việc bù cho thứ Sáu 02/01/2026"],
    ["2026-08-22", "Làm việc bù cho thứ Hai 31/08/2026"],
  ])("the make-up Saturday %s is a working day (%s)", (day, name) => {
    expect(calendar.isWorkingDay(day)).toBe(true);
    expect(said(day)).toMatchObject({ kind: "workday", name });
  });

  it("keeps working days the law does not close: 3/9/2026 after the two National Day days, a Giỗ Tổ week's Tuesday", () => {
    expect(calendar.isWorkingDay("2026-09-03")).toBe(true);
    expect(calendar.isWorkingDay("2026-04-28")).toBe(true);
    expect(calendar.isWorkingDay("2025-01-24")).toBe(true);
  });

  it("gives the next working day off for a holiday on a Saturday or Sunday, never for one on a weekday", () => {
    // 30/4 falls on every weekday over these years; without a notice, only a rest day moves it.
    const seen = new Set<number>();
    for (let year = 2028; year <= 2040; year += 1) {
      const days = legalDays(year, []);
      const weekday = new Date(`${year}-04-30T00:00:00Z`).getUTCDay() || 7;
      seen.add(weekday);
      const inLieu = days.filter((d) => d.kind === "in_lieu" && d.name === "Nghỉ bù Ngày Chiến thắng (30/4)");
      expect(inLieu.length, `${year}`).toBe(weekday >= 6 ? 1 : 0);
      for (const d of inLieu) {
        const w = new Date(`${d.day}T00:00:00Z`).getUTCDay() || 7;
        expect(w).toBeLessThanOrEqual(5);
        expect(days.filter((x) => x.day === d.day)).toHaveLength(1);
      }
    }
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // 30/4 on a Saturday and 1/5 on a Sunday (2022): Monday 2/5 and Tuesday 3/5 off.
    const y2022 = legalDays(2022, []).filter((d) => d.kind === "in_lieu").map((d) => d.day);
    expect(y2022).toEqual(expect.arrayContaining(["2022-05-02", "2022-05-03"]));
  });
});
