import ExcelJS from "exceljs";
import { formatDate, type I18n, type Locale } from "../i18n/index.js";
import { walk } from "../scoring/index.js";
import type { GroupScores, PeriodScores } from "./period-scores.js";
import { annexHeader, defaultParty, FONT, signatureBlock, signingYear, type AnnexParty } from "./workbook/annex.js";
import { annexTable } from "./workbook/annex-table.js";

export interface WorkbookOptions {
  readonly i18n: I18n;
  readonly locale: Locale;
  readonly now: Date;
  /** For the header block when `party` is not configured. */
  readonly provinceName?: string;
  readonly party?: AnnexParty;
}

const THIN = { style: "thin" as const, color: { argb: "FF808080" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFDDEBF7" } };

/** A table's header row: bold, shaded, bordered, centred, wrapped. */
function headerRow(row: ExcelJS.Row, headers: readonly string[]): void {
  headers.forEach((text, i) => {
    const cell = row.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true, name: FONT, size: 12 };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  });
}

/** Long words of group names, shortened as offices shorten them, so a sheet name keeps its meaning within 31 characters. */
const SHORT: readonly [RegExp, string][] = [
  [/\s*trên địa bàn (tỉnh|thành phố)?\s*/giu, " "], [/Ủy ban nhân dân|Uỷ ban nhân dân/giu, "UBND"], [/Cơ quan Trung ương/giu, "Cơ quan TW"],
  [/thủ tục hành chính/giu, "TTHC"], [/ có bộ TTHC/gu, " có TTHC"], [/trực thuộc/giu, "thuộc"], [/\(.*?\)/g, ""],
  [/(thuộc UBND) (tỉnh|thành phố)/giu, "$1"], [/thành phố/giu, "TP"],
];

/** Excel forbids []:*?/\\ in sheet names and caps them at 31 characters: shorten by words, never mid-word. */
export function sheetName(name: string, taken: Set<string>): string {
  let text = name;
  for (const [re, to] of SHORT) text = text.replace(re, to);
  text = text.replace(/[[\]:*?/\\]/g, " ").replace(/\s+/g, " ").trim();
  const words = text.split(" ");
  while (words.join(" ").length > 31 && words.length > 1) words.pop();
  const base = words.join(" ").replace(/[,;]$/, "").slice(0, 31) || "Nhom";
  let candidate = base;
  for (let i = 2; taken.has(candidate); i += 1) candidate = `${base.slice(0, 28).trim()} ${i}`;
  taken.add(candidate);
  return candidate;
}

const pointsFormat = "#,##0.00";

/**
 * One ranking group as the annex of the decision prints it: the header block,
 * every main index, bonus and penalty and the total so that each row adds up,
 * class and rank; self-assessed beside reviewed totals where a review changed
 * any; units that sent nothing after the ranked ones, as "chưa nộp"; a
 * signature block. A4 landscape, Times New Roman, print titles, page numbers.
 */
function groupSheet(workbook: ExcelJS.Workbook, o: WorkbookOptions, scores: PeriodScores, group: GroupScores, taken: Set<string>): void {
  const { i18n, locale } = o;
  const t = (key: string, args = {}) => i18n.t(locale, key, args);
  const { ruleset, period } = scores;
  const party = o.party ?? defaultParty(o.provinceName ?? "");
  const sheet = workbook.addWorksheet(sheetName(group.groupName, taken), {
    pageSetup: {
      orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      // Decree 30/2020/NĐ-CP: 30–35 mm left, 15–20 mm right, 20–25 mm top and bottom.
      margins: { left: 1.18, right: 0.7, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&C&"${FONT}"&10${t("xlsx-page")} &P/&N` },
  });
  const table = annexTable(scores, group, i18n, locale);
  const { headers } = table;
  const width = headers.length;
  const headerAt = annexHeader(sheet, width, party, [
    t("xlsx-annex"), t("xlsx-title", { year: String(period.year) }).toUpperCase(), `${group.groupName} — ${ruleset.title}`,
  ], signingYear(period.year, o.now));
  const header = sheet.getRow(headerAt);
  headerRow(header, headers);
  header.height = 60;
  let at = headerAt + 1;
  for (const r of table.rows) {
    const row = sheet.getRow(at++);
    r.values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.value = value;
      cell.border = BORDER;
      cell.font = { name: FONT, size: 12 };
      cell.alignment = { vertical: "middle", wrapText: i === 1, horizontal: i === 1 ? "left" : "center" };
      if (typeof value === "number" && i === r.shareAt) cell.numFmt = "0.00%";
      else if (typeof value === "number" && r.points.includes(i)) cell.numFmt = pointsFormat;
    });
    // A long name wraps: the row grows with it (about 40 characters a line in its column).
    row.height = 18 * Math.max(1, Math.ceil(String(r.values[1] ?? "").length / 40));
  }
  sheet.getColumn(1).width = 6;
  sheet.getColumn(2).width = 40;
  for (let i = 3; i <= width; i += 1) sheet.getColumn(i).width = 13;
  if (table.classAt >= 0) sheet.getColumn(table.classAt + 1).width = 17;
  sheet.pageSetup.printTitlesRow = `${headerAt}:${headerAt}`;
  sheet.views = [{ state: "frozen", ySplit: headerAt, xSplit: 2 }];
  signatureBlock(sheet, at, width, party);
}

/**
 * The review sheet: every item whose points a reviewer changed (not those the
 * review kept), with the unit's figure, its own points beside the reviewed
 * points, the reason, who and when; a title, wrapped text, rows as tall as
 * their text, print titles.
 */
function reviewSheet(workbook: ExcelJS.Workbook, o: WorkbookOptions, scores: PeriodScores, taken: Set<string>): void {
  const t = (key: string, args = {}) => o.i18n.t(o.locale, key, args);
  const sheet = workbook.addWorksheet(sheetName(t("xlsx-review-sheet"), taken), {
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    headerFooter: { oddFooter: `&C&"${FONT}"&10${t("xlsx-page")} &P/&N` },
  });
  const widths = [10, 32, 8, 36, 16, 11, 11, 40, 22, 12];
  sheet.mergeCells(1, 1, 1, widths.length);
  const title = sheet.getCell(1, 1);
  title.value = t("xlsx-review-title", { year: String(scores.period.year), ruleset: scores.ruleset.title });
  title.font = { name: FONT, bold: true, size: 13 };
  title.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  sheet.getRow(1).height = 36;
  const headers = ["unit-code", "unit-name", "item", "item-name", "figure", "self", "reviewed", "reason", "by", "date"].map((k) => t(`xlsx-review-${k}`));
  headerRow(sheet.getRow(3), headers);
  sheet.getRow(3).height = 36;
  const points = (view: "self" | "reviewed", unitId: number, code: string) => {
    for (const g of scores.groups) {
      const item = g[view].units.find((u) => u.unitId === String(unitId))?.items.find((i) => i.code === code);
      if (item) return item.points;
    }
    return null;
  };
  const names = new Map(walk(scores.ruleset).map((n) => [n.code, n.name]));
  const corrected = scores.figures
    .filter((f) => f.status === "reviewed" && (f.reviewFigure !== null || f.reviewPoints !== null))
    // A correction changes the points; a review that kept them is not one.
    .filter((f) => points("self", f.unitId, f.itemCode) !== points("reviewed", f.unitId, f.itemCode))
    .sort((a, b) => (scores.units.get(a.unitId)?.code ?? "").localeCompare(scores.units.get(b.unitId)?.code ?? "", "vi", { numeric: true })
      || a.itemCode.localeCompare(b.itemCode, "vi", { numeric: true }));
  corrected.forEach((f, index) => {
    const unit = scores.units.get(f.unitId);
    const row = sheet.getRow(4 + index);
    const values = [
      unit?.code ?? "", unit?.name ?? "", f.itemCode, names.get(f.itemCode) ?? "", f.rawValue ?? "",
      points("self", f.unitId, f.itemCode), points("reviewed", f.unitId, f.itemCode), f.reviewNote ?? "", f.enteredByLabel, formatDate(f.at, o.locale),
    ];
    let lines = 1;
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.value = value;
      cell.border = BORDER;
      cell.font = { name: FONT, size: 12 };
      cell.alignment = { vertical: "top", wrapText: true };
      if (typeof value === "number") cell.numFmt = pointsFormat;
      // About one line per column width of text: the row is as tall as its longest cell.
      lines = Math.max(lines, Math.ceil(String(value ?? "").length / Math.max(1, widths[i]! - 2)));
    });
    row.height = 17 * lines;
  });
  if (corrected.length === 0) sheet.getCell(4, 1).value = t("xlsx-review-none");
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  sheet.pageSetup.printTitlesRow = "3:3";
}

/** The results workbook: one ranked sheet per ranking group, main-index breakdown, self vs reviewed points, classes; ready to print. */
export async function resultsWorkbook(scores: PeriodScores, options: WorkbookOptions): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "DTI Bot";
  workbook.created = options.now;
  const taken = new Set<string>();
  for (const group of scores.groups) groupSheet(workbook, options, scores, group, taken);
  reviewSheet(workbook, options, scores, taken);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** How a period's results file is named. */
export const resultsFilename = (year: number, periodId: number) => `ket-qua-dti-${year}-ky-${periodId}.xlsx`;
