import { vnDay, vnTime } from "../../i18n/dates.js";

/** Whole calendar days from `now` to `due` in Vietnam (0 on the day itself, negative once passed). */
export function daysLeft(now: Date, due: Date): number {
  const a = vnDay(now);
  const b = vnDay(due);
  return Math.round((vnTime(b.year, b.month, b.day).getTime() - vnTime(a.year, a.month, a.day).getTime()) / 86_400_000);
}
