import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { fold } from "../scoring/index.js";
import { readCsv } from "./csv.js";

/** A spreadsheet row with its line number as the spreadsheet shows it. */
export interface TableRow {
  readonly line: number;
  readonly cells: readonly string[];
}

const vi = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 10, useGrouping: false });

/**
 * A cell as an officer would have typed it, for the figure parser: numbers
 * with a decimal comma, percent-formatted numbers as "85%", dates as
 * dd/mm/yyyy (Excel dates have no time zone; exceljs gives them as UTC).
 */
export function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (typeof value === "number") {
    return /%/.test(cell.numFmt ?? "") ? `${vi.format(Math.round(value * 100 * 1e8) / 1e8)}%` : vi.format(value);
  }
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  }
  return cell.text.trim();
}

/** Read the first sheet of an .xlsx, or a CSV. */
export async function readTable(file: string): Promise<TableRow[]> {
  if (!/\.xlsx$/i.test(file)) return readCsv(readFileSync(file, "utf8"));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const rows: TableRow[] = [];
  workbook.worksheets[0]?.eachRow((row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell);
    });
    rows.push({ line, cells: Array.from(cells, (c) => c ?? "") });
  });
  return rows;
}

export type Header<C extends string> = { readonly line: number; readonly columns: Readonly<Record<C, number | undefined>> };

/** Find each column by its usual spellings (folded: with or without diacritics). */
export function findColumns<C extends string>(
  cells: readonly string[], spellings: Readonly<Record<C, readonly string[]>>,
): Record<C, number | undefined> {
  const folded = cells.map((h) => fold(h ?? ""));
  const out = {} as Record<C, number | undefined>;
  const taken = new Set<number>();
  for (const column of Object.keys(spellings) as C[]) {
    const names = spellings[column];
    let index = folded.findIndex((h, i) => !taken.has(i) && names.includes(h));
    if (index === -1) index = folded.findIndex((h, i) => !taken.has(i) && names.some((n) => n.length > 3 && h.startsWith(n)));
    out[column] = index === -1 ? undefined : index;
    if (index !== -1) taken.add(index);
  }
  return out;
}

/** The first row (among the first ten) that has every required column. */
export function findHeader<C extends string>(
  rows: readonly TableRow[], spellings: Readonly<Record<C, readonly string[]>>, required: readonly NoInfer<C>[],
): { ok: true; header: Header<C> } | { ok: false; missing: C[]; line: number } {
  for (const row of rows.slice(0, 10)) {
    const columns = findColumns(row.cells, spellings);
    if (required.every((c) => columns[c] !== undefined)) return { ok: true, header: { line: row.line, columns } };
  }
  const first = rows[0];
  const columns = findColumns(first?.cells ?? [], spellings);
  return { ok: false, missing: required.filter((c) => columns[c] === undefined), line: first?.line ?? 1 };
}

/** A cell of a data row by column name ("" when the column is absent). */
export function cellOf<C extends string>(header: Header<C>, row: TableRow, column: C): string {
  const index = header.columns[column];
  return index === undefined ? "" : (row.cells[index] ?? "").trim();
}

/** The rows after the header that have any content. */
export function dataRows(rows: readonly TableRow[], header: Header<string>): TableRow[] {
  return rows.filter((r) => r.line > header.line && r.cells.some((c) => c.trim() !== ""));
}
