import { fold, readNumber } from "../../scoring/index.js";
import type { Column, Columns } from "./columns.js";
import { isNumberRow } from "./columns.js";
import type { SheetRow } from "./sheet.js";

/** A line of the table, read for what it is. */
export type Line =
  | { readonly kind: "section"; readonly line: number; readonly letter: string; readonly name: string; readonly max: number | null; readonly text: Texts }
  | { readonly kind: "index"; readonly line: number; readonly roman: string; readonly name: string; readonly max: number | null; readonly text: Texts }
  | { readonly kind: "item"; readonly line: number; readonly number: string; readonly name: string; readonly max: number | null; readonly negative: boolean; readonly text: Texts }
  | { readonly kind: "detail"; readonly line: number; readonly text: string }
  | { readonly kind: "total"; readonly line: number; readonly label: string; readonly max: number | null }
  | { readonly kind: "bad"; readonly line: number; readonly column: Column; readonly problem: "number" | "code"; readonly value: string };

export interface Texts {
  readonly rule: string;
  readonly evidence: string;
  readonly note: string;
}

const ROMAN = /^(?=[IVXL])(X{0,3})(IX|IV|V?I{0,3})$/;
/** Words that end the table: a signature block, the list of recipients. */
const END = /^(kt\.? ?chu tich|tm\.? ?uy ban|tm\.? ?ubnd|chu tich|pho chu tich|noi nhan|giam doc|kt\.? ?giam doc|nguoi lap bieu)\b/;
const TOTAL = /^(tong cong|tong diem|tong so diem|tong so|total)\b|^tong$|^cong(?: muc| phan)?(?: [a-h]| [ivxl]+)?\s*[:.]?$/;

/** "II." "II -" "Phần II:" → II; "A." → A; "1." "2.1" "2,1" → the number with dots. */
function splitCode(raw: string): { roman?: string; letter?: string; number?: string } {
  const text = raw.trim().replace(/^(phan|muc|chi so|tieu chi)\s+/iu, "").replace(/[.:)\-–]+$/, "").trim();
  if (ROMAN.test(text)) return { roman: text };
  if (/^[A-H]$/.test(text)) return { letter: text };
  const number = text.replace(/,/g, ".");
  if (/^\d{1,3}(\.\d{1,3}){0,2}$/.test(number)) return { number };
  return {};
}

/** A leading code written into the name cell ("I. NHẬN THỨC SỐ", "B. ĐIỂM THƯỞNG") when the TT cell is empty. */
function codeInName(name: string): { code: string; rest: string } | null {
  const m = /^\s*((?:[IVXL]{1,6}|[A-H]|\d{1,3}(?:[.,]\d{1,3}){0,2}))\s*[.:)\-–]\s*(\S.*)$/u.exec(name);
  return m ? { code: m[1]!, rest: m[2]!.trim() } : null;
}

function readMax(text: string): { ok: true; value: number | null; negative: boolean } | { ok: false } {
  const cleaned = text.replace(/điểm|diem/giu, "").replace(/[()]/g, "").trim();
  if (cleaned === "" || /^[-–—]$/.test(cleaned) || /^x$/i.test(cleaned)) return { ok: true, value: null, negative: false };
  const negative = /^[-−–]\s*\d/.test(cleaned);
  const body = cleaned.replace(/^[-−–+]\s*/, "");
  const reading = readNumber(body, "decimal");
  if (!reading.ok) return { ok: false };
  return { ok: true, value: reading.value.n / reading.value.d, negative };
}

/** Read each row under the header for what it is; stops at the signature block. */
export function readLines(rows: readonly SheetRow[], columns: Columns): Line[] {
  const cell = (row: SheetRow, column: Column): string => {
    const i = columns.at[column];
    // A data cell that only repeats a merge (a main index's name run across the row) says nothing of its own.
    return i === undefined || row.merged.has(i) ? "" : (row.cells[i] ?? "").trim();
  };
  const out: Line[] = [];
  for (const row of rows) {
    if (row.line <= columns.line) continue;
    if (row.cells.every((c) => c.trim() === "") || isNumberRow(row)) continue;
    let codeText = cell(row, "code");
    let name = cell(row, "name");
    const first = fold(row.cells.find((c) => c.trim() !== "") ?? "");
    if (END.test(first) && !codeText) break;
    const maxText = cell(row, "max");
    const text: Texts = { rule: cell(row, "rule"), evidence: cell(row, "evidence"), note: cell(row, "note") };
    if (TOTAL.test(fold(name || codeText)) && !splitCode(codeText).number) {
      const max = readMax(maxText);
      out.push({ kind: "total", line: row.line, label: name || codeText, max: max.ok ? max.value : null });
      continue;
    }
    if (!codeText) {
      const inName = codeInName(name);
      if (inName) {
        codeText = inName.code;
        name = inName.rest;
      }
    }
    const code = splitCode(codeText);
    const max = readMax(maxText);
    if (!max.ok) {
      out.push({ kind: "bad", line: row.line, column: "max", problem: "number", value: maxText });
      continue;
    }
    if (code.letter) out.push({ kind: "section", line: row.line, letter: code.letter, name, max: max.value, text });
    else if (code.roman) out.push({ kind: "index", line: row.line, roman: code.roman, name, max: max.value, text });
    else if (code.number) out.push({ kind: "item", line: row.line, number: code.number, name, max: max.value, negative: max.negative, text });
    else if (codeText !== "" && !/^([a-zđ]|[-+*•–]|\d+[a-z])[.)]?$/iu.test(codeText)) {
      out.push({ kind: "bad", line: row.line, column: "code", problem: "code", value: codeText });
    } else {
      // A row without a code: criteria or a note that belongs to the item above ("a) …", "- …").
      const words = [codeText, name, text.rule].filter((s) => s !== "").join(" ");
      if (words !== "") out.push({ kind: "detail", line: row.line, text: words });
    }
  }
  return out;
}
