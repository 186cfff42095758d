import ExcelJS from "exceljs";
import { formatDate, type I18n, type Locale } from "../i18n/index.js";
import { walk, type UnitScore } from "../scoring/index.js";
import type { GroupScores, PeriodScores } from "./period-scores.js";

export interface WorkbookOptions {
  readonly i18n: I18n;
  readonly locale: Locale;
  readonly now: Date;
}

const THIN = { style: "thin" as const, color: { argb: "FF808080" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFDDEBF7" } };

/** A table's header row: bold, shaded, bordered, centred, wrapped. */
function headerRow(row: ExcelJS.Row, headers: readonly string[]): void {
  headers.forEach((text, i) => {
    const cell = row.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  });
}

/** Excel forbids []:*?/\ in sheet names and caps them at 31 characters. */
export function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, " ").replace(/\s+/g, " ").trim().slice(0, 28).trim() || "Nhom";
  let candidate = base;
  for (let i = 2; taken.has(candidate); i += 1) candidate = `${base} ${i}`;
  taken.add(candidate);
  return candidate;
}

function groupSheet(workbook: ExcelJS.Workbook, o: WorkbookOptions, scores: PeriodScores, group: GroupScores, taken: Set<string>): void {
  const { i18n, locale } = o;
  const t = (key: string, args = {}) => i18n.t(locale, key, args);
  const { ruleset, period, units } = scores;
  const sheet = workbook.addWorksheet(sheetName(group.groupName, taken), {
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", ySplit: 5, xSplit: 3 }],
  });
  const indexColumns = ruleset.indices.filter((i) => (i.maxPoints ?? 0) > 0);
  const headers = [
    t("xlsx-rank"), t("xlsx-unit-code"), t("xlsx-unit-name"),
    ...indexColumns.map((i) => `${i.code}. ${i.name} (${i18n.number(locale, i.maxPoints ?? 0)})`),
    t("xlsx-self"), t("xlsx-reviewed"), t("xlsx-max"), t("xlsx-value"), t("xlsx-class"), t("xlsx-missing"),
  ];
  const width = headers.length;
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(1, 1).value = t("xlsx-title", { year: String(period.year) }).toUpperCase();
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: "center" };
  sheet.mergeCells(2, 1, 2, width);
  sheet.getCell(2, 1).value = `${group.groupName} — ${ruleset.title}`;
  sheet.getCell(2, 1).font = { italic: true };
  sheet.getCell(2, 1).alignment = { horizontal: "center" };
  sheet.mergeCells(3, 1, 3, width);
  sheet.getCell(3, 1).value = t("xlsx-as-of", { date: formatDate(o.now, locale) });
  sheet.getCell(3, 1).alignment = { horizontal: "center" };

  const header = sheet.getRow(5);
  headerRow(header, headers);
  header.height = 45;
  const selfById = new Map(group.self.units.map((u) => [u.unitId, u]));
  group.reviewed.units.forEach((u: UnitScore, index) => {
    const unit = units.get(Number(u.unitId));
    const merged = u.mergedFrom ? ` (${t("xlsx-merged", { from: u.mergedFrom.map((id) => units.get(Number(id))?.name ?? id).join(", ") })})` : "";
    const row = sheet.getRow(6 + index);
    const values = [
      u.rank, unit?.code ?? u.unitId, `${unit?.name ?? u.unitId}${merged}`,
      ...indexColumns.map((i) => u.indices.find((x) => x.code === i.code)?.points ?? 0),
      selfById.get(u.unitId)?.total ?? 0, u.total, u.applicableMax, u.value, u.className ?? "", u.missing.length,
    ];
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.value = value;
      cell.border = BORDER;
      if (typeof value === "number" && i >= 3 && i < width - 1) cell.numFmt = i === width - 3 ? "0.00%" : "#,##0.00";
    });
  });
  sheet.columns.forEach((column, i) => {
    column.width = i === 2 ? 44 : i < 2 ? 10 : 14;
  });
  sheet.pageSetup.printTitlesRow = "5:5";
}

/**
 * The review sheet: every item a reviewer changed, with the unit's figure,
 * its own points beside the reviewed points, the reason, who and when.
 */
function reviewSheet(workbook: ExcelJS.Workbook, o: WorkbookOptions, scores: PeriodScores, taken: Set<string>): void {
  const t = (key: string, args = {}) => o.i18n.t(o.locale, key, args);
  const sheet = workbook.addWorksheet(sheetName(t("xlsx-review-sheet"), taken), {
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 }, views: [{ state: "frozen", ySplit: 1 }],
  });
  const headers = ["unit-code", "unit-name", "item", "item-name", "figure", "self", "reviewed", "reason", "by", "date"].map((k) => t(`xlsx-review-${k}`));
  headerRow(sheet.getRow(1), headers);
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
    .sort((a, b) => (scores.units.get(a.unitId)?.code ?? "").localeCompare(scores.units.get(b.unitId)?.code ?? "", "vi", { numeric: true })
      || a.itemCode.localeCompare(b.itemCode, "vi", { numeric: true }));
  corrected.forEach((f, index) => {
    const unit = scores.units.get(f.unitId);
    const row = sheet.getRow(2 + index);
    const values = [
      unit?.code ?? "", unit?.name ?? "", f.itemCode, names.get(f.itemCode) ?? "", f.rawValue ?? "",
      points("self", f.unitId, f.itemCode), points("reviewed", f.unitId, f.itemCode), f.reviewNote ?? "", f.enteredByLabel, formatDate(f.at, o.locale),
    ];
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.value = value;
      cell.border = BORDER;
      if (typeof value === "number") cell.numFmt = "#,##0.00";
    });
  });
  if (corrected.length === 0) sheet.getCell(2, 1).value = t("xlsx-review-none");
  [10, 36, 8, 40, 16, 12, 12, 44, 24, 12].forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
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
