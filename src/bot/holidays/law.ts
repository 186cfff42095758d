import Holidays from "date-holidays";

/** A local Vietnamese calendar day, "2026-11-30". */
type Day = string;

/** Why a day is off or on: a holiday, a day off in lieu of one, a working day swapped off, or a make-up working day. */
export type DayKind = "holiday" | "in_lieu" | "swapped_off" | "workday";

export interface LegalDay {
  readonly day: Day;
  readonly kind: DayKind;
  readonly name: string;
  /** The law or the notice that sets it, as people cite it. */
  readonly source: string;
}

/** A year's decision for civil servants, as notified: the Tết span, the second National Day day, swaps and make-up days. */
export interface YearDecision {
  readonly year: number;
  readonly source: string;
  /** Days off that replace the law's default for that holiday (Tết's five days, National Day's two). */
  readonly tet?: readonly Day[];
  readonly nationalDay?: readonly Day[];
  readonly days?: readonly {
    readonly day: Day; readonly kind: "swapped_off" | "workday" | "in_lieu" | "holiday"; readonly name: string; readonly source?: string;
  }[];
}

export const LABOUR_CODE = "Khoản 1 Điều 112 Bộ luật Lao động 2019 (45/2019/QH14)";
const IN_LIEU = "Khoản 3 Điều 111 Bộ luật Lao động 2019 (nghỉ bù khi ngày lễ, tết trùng ngày nghỉ hằng tuần)";
const DAY_MS = 86_400_000;
const addDays = (day: Day, n: number): Day => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const weekday = (day: Day): number => new Date(`${day}T00:00:00Z`).getUTCDay() || 7;

/** Lunar dates (Tết, Giỗ Tổ) from date-holidays' Vietnamese lunar calendar: only the dates, the rules are the law's. */
const lunar = new Holidays("VN", { timezone: "Asia/Ho_Chi_Minh" });
function lunarDay(year: number, rule: string): Day | null {
  const found = lunar.getHolidays(year).find((h) => h.rule === rule);
  return found ? found.date.slice(0, 10) : null;
}

/**
 * The days off of a year for civil servants working Monday to Friday: the
 * holidays of the Labour Code 2019 (art. 112: New Year, five days of Tết,
 * Giỗ Tổ, 30/4, 1/5, National Day and a day next to it), the day off in lieu
 * when one falls on a Saturday or Sunday (art. 111), and the year's decision
 * where there is one (Tết span, the second National Day day, swapped days and
 * make-up Saturdays), which replaces the law's defaults it covers.
 */
export function legalDays(year: number, decisions: readonly YearDecision[], restDays: readonly number[] = [6, 7]): LegalDay[] {
  const decision = decisions.find((d) => d.year === year);
  const out: LegalDay[] = [];
  // Days a year's decision set: their days off in lieu are in the decision too, not computed.
  const decided = new Set<Day>();
  const law = (day: Day | null, name: string, source = LABOUR_CODE) => {
    if (!day) return;
    out.push({ day, kind: "holiday", name, source });
    if (source === decision?.source) decided.add(day);
  };
  law(`${year}-01-01`, "Tết Dương lịch");
  const tet = lunarDay(year, "vietnamese 1-0-1");
  // Each day of Tết named by its place in the lunar new year, whether the notice or the law's default sets the span.
  const tetName = (day: Day): string => {
    const offset = tet ? Math.round((Date.parse(day) - Date.parse(tet)) / DAY_MS) : 0;
    if (offset >= 0) return `Tết Nguyên đán (mùng ${offset + 1})`;
    return offset === -1 ? "Tết Nguyên đán (Giao thừa)" : "Tết Nguyên đán (trước Giao thừa)";
  };
  if (decision?.tet) decision.tet.forEach((d) => law(d, tetName(d), decision.source));
  else if (tet) {
    // Five days; without a decision, the last day of the old year and the first four of the new.
    for (let i = -1; i < 4; i += 1) law(addDays(tet, i), tetName(addDays(tet, i)), `${LABOUR_CODE}; khoảng nghỉ mặc định, chưa có thông báo của năm`);
  }
  law(lunarDay(year, "vietnamese 3-0-10"), "Giỗ Tổ Hùng Vương (10/3 âm lịch)");
  law(`${year}-04-30`, "Ngày Chiến thắng (30/4)");
  law(`${year}-05-01`, "Ngày Quốc tế Lao động (1/5)");
  if (decision?.nationalDay) decision.nationalDay.forEach((d) => law(d, "Quốc khánh", decision.source));
  else {
    law(`${year}-09-02`, "Quốc khánh (2/9)");
    // The day next to it is chosen each year; until then, 1/9, or 3/9 when 1/9 is a rest day.
    const before = `${year}-09-01`;
    law(restDays.includes(weekday(before)) ? `${year}-09-03` : before, "Quốc khánh (ngày liền kề)", `${LABOUR_CODE}; ngày liền kề mặc định, chưa có thông báo của năm`);
  }
  // A holiday on a weekly rest day: the next working day off in its place.
  const off = new Set(out.map((d) => d.day));
  for (const h of [...out]) {
    if (decided.has(h.day) || !restDays.includes(weekday(h.day))) continue;
    let d = addDays(h.day, 1);
    while (restDays.includes(weekday(d)) || off.has(d)) d = addDays(d, 1);
    off.add(d);
    out.push({ day: d, kind: "in_lieu", name: `Nghỉ bù ${h.name}`, source: IN_LIEU });
  }
  for (const d of decision?.days ?? []) {
    const i = out.findIndex((x) => x.day === d.day);
    if (i >= 0) out.splice(i, 1);
    out.push({ day: d.day, kind: d.kind, name: d.name, source: d.source ?? decision!.source });
  }
  return out.sort((a, b) => a.day.localeCompare(b.day));
}
