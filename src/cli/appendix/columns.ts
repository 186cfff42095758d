import { fold } from "../../scoring/index.js";
import type { SheetRow } from "./sheet.js";

/** The columns an appendix can give the import. */
export type Column = "code" | "name" | "max" | "rule" | "evidence" | "note";

/** Usual header wordings in decisions' appendices, folded (without diacritics), most specific first. */
const NAMES: Record<Column, readonly RegExp[]> = {
  code: [/^(tt|stt|so tt|so thu tu|ma|ma so|ma chi so|ma chi tieu|ma tieu chi|code)$/],
  name: [/^(chi so|ten chi so|noi dung|noi dung chi so|tieu chi|ten tieu chi|chi tieu|ten chi tieu|ten|noi dung danh gia|chi so thanh phan|name)$/,
    /^(chi so|tieu chi|noi dung)\b(?!.*\b(diem|kiem chung)\b)/],
  max: [/^(diem toi da|diem chuan|thang diem|diem so toi da|so diem toi da|max|max points)$/, /^diem (toi da|chuan)\b/, /^diem \/? ?toi da$/],
  rule: [/^(cach cham|cach cham diem|phuong phap tinh diem|phuong phap tinh|phuong phap cham diem|huong dan cham diem|huong dan cham|cach tinh|cach tinh diem|cach danh gia|rule)$/,
    /\b(cach (cham|tinh)|phuong phap (tinh|cham)|huong dan cham)\b/],
  evidence: [/^(tai lieu kiem chung|ho so tai lieu kiem chung|ho so kiem chung|minh chung|tai lieu minh chung|tai lieu|evidence)$/, /\b(kiem chung|minh chung)\b/],
  note: [/^(ghi chu|note|notes)$/],
};

/** "Điểm" over "Tối đa": a sub-header read with the header above it. */
const SCORE_PARENT = /^(diem|diem so|so diem)$/;
const SCORE_CHILD = /^(toi da|chuan)$/;

export interface Columns {
  /** The line of the (last) header row; data starts below it. */
  readonly line: number;
  readonly at: Readonly<Partial<Record<Column, number>>>;
  /** Headers the import found and does not use, as printed. */
  readonly unused: readonly string[];
}

const clean = (s: string) => fold(s).replace(/[().:,*/]+/g, " ").replace(/\s+/g, " ").trim();

function recognise(text: string): Column | null {
  const folded = clean(text);
  if (folded === "") return null;
  for (const column of Object.keys(NAMES) as Column[]) if (NAMES[column].some((re) => re.test(folded))) return column;
  return null;
}

/** One header row, or two where the second names parts of a merged cell above ("Điểm" over "Tối đa" | "Tự chấm"). */
function readHeader(top: SheetRow, below: SheetRow | undefined): Columns | null {
  const width = Math.max(top.cells.length, below?.cells.length ?? 0);
  const at: Partial<Record<Column, number>> = {};
  const names: string[] = [];
  let twoRows = false;
  for (let i = 0; i < width; i += 1) {
    const upper = top.cells[i] ?? "";
    const lower = below?.cells[i] ?? "";
    const underMerge = below !== undefined && lower !== "" && !below.merged.has(i) && (top.merged.has(i) || top.cells.filter((c) => c === upper).length > 1);
    let name = upper;
    if (underMerge && lower !== upper) {
      twoRows = true;
      // "Điểm" over "Tối đa" is the max; any other part of a merged header is named by its own cell.
      name = SCORE_PARENT.test(clean(upper)) && SCORE_CHILD.test(clean(lower)) ? `Điểm ${lower}` : lower;
    }
    names[i] = name;
  }
  names.forEach((name, i) => {
    const column = recognise(name);
    if (column && at[column] === undefined) at[column] = i;
  });
  if (at.code === undefined && at.name === undefined) return null;
  const used = new Set(Object.values(at));
  const unused = names.map((n, i) => (used.has(i) || n.trim() === "" || (i > 0 && names[i - 1] === n && top.merged.has(i)) ? null : n)).filter((n): n is string => n !== null);
  return { line: twoRows && below ? below.line : top.line, at, unused: [...new Set(unused)] };
}

const KEY: readonly Column[] = ["code", "name", "max", "rule"];
const keys = (c: Columns | null) => (c ? KEY.filter((k) => c.at[k] !== undefined).length : 0);

/**
 * The header below any title block: the first row (of the first forty) that
 * names at least three of TT, Chỉ số, Điểm tối đa and Cách chấm, read with the
 * row just below it when that row splits a merged cell ("Điểm" over "Tối đa").
 */
export function findColumns(rows: readonly SheetRow[]): Columns | null {
  for (let r = 0; r < Math.min(rows.length, 40); r += 1) {
    const top = rows[r]!;
    const next = rows[r + 1];
    const single = readHeader(top, undefined);
    if (keys(single) < 2) continue;
    const double = next && next.line === top.line + 1 ? readHeader(top, next) : null;
    // The row below splits a merged cell: the header is both rows, unless reading them together loses a column.
    const best = double && double.line !== top.line && keys(double) >= keys(single) ? double : single;
    if (keys(best) >= 3) return best;
  }
  return null;
}

/** "(1) (2) (3)…" or "1 2 3…" under the header: the columns' numbers, not data. */
export function isNumberRow(row: SheetRow): boolean {
  const filled = row.cells.map((c) => c.trim()).filter((c) => c !== "");
  if (filled.length < 3) return false;
  return filled.every((c, i) => new RegExp(`^\\(?${i + 1}\\)?$`).test(c) || /^\(\d+\)( ?= ?.*)?$/.test(c));
}
