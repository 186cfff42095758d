import { VN_OFFSET_MS, vnTime } from "../i18n/dates.js";
import { YEAR_DECISIONS } from "./holidays/decisions.js";
import { legalDays, type LegalDay } from "./holidays/law.js";

/** A local Vietnamese calendar day, "2026-11-30". */
export type Day = string;

/** Office hours in Asia/Ho_Chi_Minh; days are ISO weekdays (1 = Monday … 7 = Sunday). */
export interface OfficeHours {
  readonly start: string;
  readonly end: string;
  readonly days: readonly number[];
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = { start: "07:30", end: "17:00", days: [1, 2, 3, 4, 5] };

/** A day the government decides each year: an extra day off (Tết bridging) or a make-up working day. */
export interface CalendarOverride {
  readonly day: Day;
  readonly kind: "holiday" | "workday";
  readonly note: string;
}

export interface WorkCalendar {
  isWorkingDay(day: Day): boolean;
  /** Why a day is closed: a holiday's name, "weekend", or null when it is a working day. */
  closedBecause(day: Day): string | null;
  /** The law's or the year's decision's word on a day (a holiday, a day in lieu, a swap, a make-up day), with its source. */
  legalDay(day: Day): LegalDay | undefined;
  /** Within office hours on a working day. */
  isOpen(at: Date): boolean;
  /** `at` itself when open, otherwise the next opening (e.g. 07:30 on the next working day). */
  nextOpen(at: Date): Date;
  /** The working day `n` working days before `day` (n = 0: `day` itself if working, else the one before). */
  workingDaysBefore(day: Day, n: number): Day;
  /** The first working day after `day`. */
  nextWorkingDay(day: Day): Day;
  /** The instant of a local time on a day, e.g. the office opening. */
  at(day: Day, time: string): Date;
  readonly office: OfficeHours;
}

const DAY_MS = 86_400_000;

export const dayOf = (at: Date): Day => new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
/** The first instant of a local day. */
export const startOf = (day: Day): Date => new Date(Date.parse(`${day}T00:00:00Z`) - VN_OFFSET_MS);
const addDays = (day: Day, n: number): Day => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const weekday = (day: Day): number => new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
const minutes = (time: string): number => {
  const [h, m] = time.split(":").map(Number);
  return h! * 60 + m!;
};

/** The law's days off for a year with its yearly decisions (shipped, sourced), as the calendar reads them. */
const legalByYear = new Map<number, readonly LegalDay[]>();

/**
 * The shipped days of a year, worked out once per process: every calendar reads them (a calendar is made for each
 * queued reminder decided again), and they change only with a release.
 */
export function vietnamDays(year: number): readonly LegalDay[] {
  let list = legalByYear.get(year);
  if (!list) legalByYear.set(year, (list = legalDays(year, YEAR_DECISIONS)));
  return list;
}

/**
 * Working days and office hours in Asia/Ho_Chi_Minh: weekends and public
 * holidays are closed, and the department's own list (bridging days off,
 * make-up Saturdays) overrides both.
 */
export function createWorkCalendar(options: {
  office?: OfficeHours;
  overrides?: readonly CalendarOverride[];
  legal?: (year: number) => readonly LegalDay[];
} = {}): WorkCalendar {
  const office = options.office ?? DEFAULT_OFFICE_HOURS;
  const overrides = new Map((options.overrides ?? []).map((o) => [o.day, o]));
  const legalOf = options.legal ?? vietnamDays;
  const byYear = new Map<number, Map<Day, LegalDay>>();
  const legalDay = (day: Day): LegalDay | undefined => {
    const year = Number(day.slice(0, 4));
    let days = byYear.get(year);
    if (!days) {
      days = new Map(legalOf(year).map((h) => [h.day, h]));
      byYear.set(year, days);
    }
    return days.get(day);
  };
  const [open, close] = [minutes(office.start), minutes(office.end)];

  const closedBecause = (day: Day): string | null => {
    const override = overrides.get(day);
    if (override) return override.kind === "holiday" ? override.note : null;
    const legal = legalDay(day);
    // A make-up working day (a Saturday worked in exchange for a day off) is open.
    if (legal) return legal.kind === "workday" ? null : legal.name;
    return office.days.includes(weekday(day)) ? null : "weekend";
  };
  const isWorkingDay = (day: Day) => closedBecause(day) === null;
  const at = (day: Day, time: string): Date => {
    const [y, m, d] = day.split("-").map(Number);
    const t = minutes(time);
    return vnTime(y!, m!, d!, Math.floor(t / 60), t % 60);
  };
  const localMinutes = (instant: Date): number => {
    const local = new Date(instant.getTime() + VN_OFFSET_MS);
    return local.getUTCHours() * 60 + local.getUTCMinutes();
  };
  const nextWorkingDay = (day: Day): Day => {
    let d = addDays(day, 1);
    // Tết and its bridging days are at most a couple of weeks; a year bounds a misconfigured calendar.
    for (let i = 0; i < 366 && !isWorkingDay(d); i += 1) d = addDays(d, 1);
    return d;
  };

  return {
    office,
    isWorkingDay,
    closedBecause,
    legalDay,
    at,
    nextWorkingDay,
    isOpen(instant) {
      const m = localMinutes(instant);
      return isWorkingDay(dayOf(instant)) && m >= open && m < close;
    },
    nextOpen(instant) {
      const day = dayOf(instant);
      const m = localMinutes(instant);
      if (isWorkingDay(day) && m < close) return m >= open ? instant : at(day, office.start);
      return at(nextWorkingDay(day), office.start);
    },
    workingDaysBefore(day, n) {
      let d = day;
      for (let i = 0; i < 366 && !isWorkingDay(d); i += 1) d = addDays(d, -1);
      for (let left = n; left > 0;) {
        d = addDays(d, -1);
        if (isWorkingDay(d)) left -= 1;
      }
      return d;
    },
  };
}
