import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { readCsv } from "../csv.js";
import { cellText, type TableRow } from "../table.js";

/** A row of the appendix: its line as the spreadsheet shows it, each cell as text, and which cells only repeat a merge. */
export interface SheetRow extends TableRow {
  /** Cells that are part of a merge and not its first cell (their text is the merge's). */
  readonly merged: ReadonlySet<number>;
}

/**
 * What a cell says as printed. A formula keeps what the official typed when
 * Excel took it for one ("=(a/b)x2" is a rule, not a sum); a number keeps its
 * dot, so a code Excel stored as 2.1 reads "2.1" whatever the locale.
 */
function printed(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value && typeof value === "object" && "formula" in value) {
    const result = (value as { result?: unknown }).result;
    if (typeof result === "string" && result.trim() !== "") return result.trim();
    if (typeof result === "number") return String(result);
    return `=${String((value as { formula: string }).formula)}`;
  }
  if (typeof value === "number" && !/%/.test(cell.numFmt ?? "")) return String(value);
  if (value && typeof value === "object" && "richText" in value) {
    return (value as { richText: { text: string }[] }).richText.map((r) => r.text).join("").trim();
  }
  return cellText(cell);
}

/** The first sheet of an .xlsx (merged cells carry their text into each cell they cover), or a CSV. */
export async function readSheet(file: string): Promise<SheetRow[]> {
  if (!/\.xlsx$/i.test(file)) return readCsv(readFileSync(file, "utf8")).map((r) => ({ ...r, merged: new Set<number>() }));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    const merged = new Set<number>();
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const master = cell.isMerged ? cell.master : cell;
      cells[col - 1] = printed(master).replace(/\s+/g, " ").trim();
      if (master !== cell) merged.add(col - 1);
    });
    rows.push({ line, cells: Array.from(cells, (c) => c ?? ""), merged });
  });
  return rows;
}
