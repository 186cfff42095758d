/**
 * Dates as Vietnamese offices write them: dd/mm/yyyy, in Asia/Ho_Chi_Minh.
 * Vietnam keeps UTC+7 all year (no daylight saving), so a fixed offset is exact.
 */
export const VN_OFFSET_MS = 7 * 3_600_000;

/** The instant of a local Vietnamese wall-clock time. */
export function vnTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - VN_OFFSET_MS);
}

/** The last second of a local day: a deadline "15/01/2026" means until the end of that day. */
export function vnEndOfDay(year: number, month: number, day: number): Date {
  return vnTime(year, month, day, 23, 59, 59);
}

/** The local calendar day of an instant. */
export function vnDay(at: Date): { year: number; month: number; day: number } {
  const local = new Date(at.getTime() + VN_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/** A date as a person wrote it: the day, or why it is none (not written as a date, or no such day, like 30/02). */
export type DateReading = { readonly date: Date } | { readonly problem: "format" | "impossible" };

/** Read "15/01/2026" (also 15-1-2026, 15.01.2026), telling a wrong format from a day the calendar does not have. */
export function readVnDate(text: string, options: { endOfDay?: boolean } = {}): DateReading {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return { problem: "format" };
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || day < 1 || probe.getUTCDate() !== day) return { problem: "impossible" };
  return { date: options.endOfDay ? vnEndOfDay(year, month, day) : vnTime(year, month, day) };
}

/** Parse "15/01/2026" (also 15-1-2026, 15.01.2026); null when it is no calendar day. */
export function parseVnDate(text: string, options: { endOfDay?: boolean } = {}): Date | null {
  const reading = readVnDate(text, options);
  return "date" in reading ? reading.date : null;
}

/** "08:00": the local time of an instant, 24-hour. */
export function vnClock(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(11, 16);
}
