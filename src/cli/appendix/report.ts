import ExcelJS from "exceljs";
import type { I18n, Locale } from "../../i18n/index.js";
import type { RuleStatus } from "./rules.js";

/** One item of the review: the decision's words beside what the import understood. */
export interface ReviewRow {
  readonly code: string;
  readonly name: string;
  readonly max: number;
  readonly effect: "base" | "bonus" | "penalty";
  readonly line: number;
  readonly original: string;
  readonly understood: string;
  readonly status: RuleStatus;
}

const FILL: Record<RuleStatus, string> = { recognised: "FFE2EFDA", uncertain: "FFFFF2CC", unrecognised: "FFF8CBAD" };

/** The review as a workbook a department can check line by line (and print). */
export async function writeReviewWorkbook(file: string, rows: readonly ReviewRow[], i18n: I18n, locale: Locale): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(i18n.t(locale, "cli-import-report-sheet"), {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" },
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = [
    { header: i18n.t(locale, "cli-import-report-code"), width: 8 },
    { header: i18n.t(locale, "cli-import-report-name"), width: 36 },
    { header: i18n.t(locale, "cli-import-report-max"), width: 9 },
    { header: i18n.t(locale, "cli-import-report-row"), width: 7 },
    { header: i18n.t(locale, "cli-import-report-original"), width: 48 },
    { header: i18n.t(locale, "cli-import-report-understood"), width: 48 },
    { header: i18n.t(locale, "cli-import-report-status"), width: 18 },
  ];
  sheet.getRow(1).font = { bold: true, name: "Times New Roman" };
  for (const r of rows) {
    const row = sheet.addRow([
      r.code, r.name, r.effect === "penalty" ? -r.max : r.max, r.line, r.original, r.understood, i18n.t(locale, "cli-import-status", { status: r.status }),
    ]);
    row.getCell(3).numFmt = "0.00";
    row.getCell(7).fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILL[r.status] } };
  }
  sheet.eachRow((row) => {
    row.alignment = { wrapText: true, vertical: "top" };
    row.font = { ...row.font, name: "Times New Roman" };
  });
  await workbook.xlsx.writeFile(file);
}
