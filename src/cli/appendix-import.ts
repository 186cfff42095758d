import { readFileSync, writeFileSync } from "node:fs";
import { basename, extname } from "node:path";
import ExcelJS from "exceljs";
import { stringify } from "yaml";
import { fold, readNumber } from "../scoring/index.js";
import { guessRule } from "./appendix-rules.js";
import type { CliContext } from "./context.js";
import { readCsv } from "./csv.js";

type Column = "code" | "name" | "max" | "rule" | "evidence";

/** Header spellings seen in appendices, folded. */
const HEADERS: Record<Column, readonly string[]> = {
  code: ["ma", "ma chi so", "ma chi tieu", "ma tieu chi", "stt", "code"],
  name: ["ten", "ten chi so", "chi so", "chi tieu", "tieu chi", "noi dung", "name"],
  max: ["diem toi da", "diem", "thang diem", "max", "max points"],
  rule: ["cach tinh diem", "cach tinh", "phuong phap", "phuong phap tinh diem", "cach cham", "rule"],
  evidence: ["minh chung", "tai lieu kiem chung", "tai lieu", "evidence"],
};
const REQUIRED: readonly Column[] = ["code", "name", "max"];

interface TableRow {
  readonly line: number;
  readonly cells: readonly string[];
}

async function readTable(file: string): Promise<TableRow[]> {
  if (/\.xlsx$/i.test(file)) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    const rows: TableRow[] = [];
    sheet?.eachRow((row, line) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cell.text.trim();
      });
      rows.push({ line, cells });
    });
    return rows;
  }
  return readCsv(readFileSync(file, "utf8")).map(({ line, cells }) => ({ line, cells }));
}

function findColumns(header: readonly string[]): Partial<Record<Column, number>> {
  const folded = header.map((h) => fold(h ?? ""));
  const out: Partial<Record<Column, number>> = {};
  for (const column of Object.keys(HEADERS) as Column[]) {
    const names = HEADERS[column];
    let index = folded.findIndex((h) => names.includes(h));
    if (index === -1) index = folded.findIndex((h) => names.some((n) => n.length > 3 && h.startsWith(n)));
    if (index !== -1 && !Object.values(out).includes(index)) out[column] = index;
  }
  return out;
}

interface DraftNode {
  code: string;
  name: string;
  max: number | null;
  howToCount?: string;
  evidence?: string;
  input?: unknown;
  rule?: unknown;
  inferred?: boolean;
  note?: string;
  children: DraftNode[];
}

/** Turn the table into a YAML draft; every bad row is reported and nothing is written. */
export async function importAppendixCommand(
  ctx: CliContext,
  file: string,
  options: { output?: string; id?: string; title?: string; province?: string; unitKind?: string },
): Promise<number> {
  const { i18n, locale } = ctx;
  const rows = await readTable(file);
  const headerIndex = rows.findIndex((r) => {
    const cols = findColumns(r.cells);
    return REQUIRED.every((c) => cols[c] !== undefined);
  });
  const problems: string[] = [];
  const problem = (line: number, column: string, text: string): void => {
    problems.push(i18n.t(locale, "cli-import-row", { row: line, column, problem: text }));
  };
  if (headerIndex === -1) {
    const cols = findColumns(rows[0]?.cells ?? []);
    REQUIRED.filter((c) => cols[c] === undefined).forEach((c) => problem(rows[0]?.line ?? 1, c, i18n.t(locale, "cli-import-missing-column", { column: c })));
  }
  const columns = headerIndex === -1 ? {} : findColumns(rows[headerIndex]!.cells);
  const cell = (row: TableRow, column: Column): string => (columns[column] === undefined ? "" : row.cells[columns[column]!] ?? "");
  const byCode = new Map<string, { node: DraftNode; line: number }>();
  const roots: DraftNode[] = [];
  const dataRows = headerIndex === -1 ? [] : rows.slice(headerIndex + 1).filter((r) => r.cells.some((c) => c));
  if (headerIndex !== -1 && dataRows.length === 0) problem(rows[headerIndex]!.line, "-", i18n.t(locale, "cli-import-empty"));
  for (const row of dataRows) {
    const code = cell(row, "code").replace(/\.$/, "");
    if (!/^\d+(\.\d+){0,2}$/.test(code)) {
      problem(row.line, "code", i18n.t(locale, "cli-import-bad-code", { value: code }));
      continue;
    }
    const maxText = cell(row, "max");
    const maxReading = maxText === "" ? null : readNumber(maxText, "decimal");
    if (maxReading && !maxReading.ok) {
      problem(row.line, "max", i18n.t(locale, "cli-import-bad-number", { value: maxText }));
      continue;
    }
    const first = byCode.get(code);
    if (first) {
      problem(row.line, "code", i18n.t(locale, "cli-import-duplicate", { value: code, first: first.line }));
      continue;
    }
    const node: DraftNode = {
      code, name: cell(row, "name"), max: maxReading ? maxReading.value.n / maxReading.value.d : null, children: [],
      ...(cell(row, "rule") && { howToCount: cell(row, "rule") }),
      ...(cell(row, "evidence") && { evidence: cell(row, "evidence") }),
    };
    const parentCode = code.includes(".") ? code.slice(0, code.lastIndexOf(".")) : null;
    if (parentCode === null) roots.push(node);
    else {
      const parent = byCode.get(parentCode);
      if (!parent) {
        problem(row.line, "code", i18n.t(locale, "cli-import-orphan", { parent: parentCode }));
        continue;
      }
      parent.node.children.push(node);
    }
    byCode.set(code, { node, line: row.line });
  }
  if (problems.length > 0) {
    ctx.err(i18n.t(locale, "cli-import-problems", { count: problems.length }));
    problems.forEach((p) => ctx.err(p));
    return 1;
  }
  const finish = (node: DraftNode): void => {
    node.children.forEach(finish);
    if (node.children.length > 0) {
      if (node.max === null && node.children.every((c) => c.max !== null)) {
        node.max = node.children.reduce((a, c) => a + c.max!, 0);
      }
      return;
    }
    const guess = guessRule(node.howToCount ?? "", node.max ?? 0);
    node.input = guess.input;
    node.rule = guess.rule;
    node.inferred = true;
    if (!guess.recognised) node.note = "Chưa nhận dạng được cách tính điểm; tạm để điểm chấm trực tiếp, cần rà soát.";
  };
  roots.forEach(finish);
  const known = [...byCode.values()].every((e) => e.node.max !== null);
  const serialise = (node: DraftNode): Record<string, unknown> => {
    const { children, ...rest } = node;
    return children.length > 0 ? { ...rest, children: children.map(serialise) } : rest;
  };
  const slug = options.id ?? fold(basename(file, extname(file))).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  const leaves = [...byCode.values()].filter((e) => e.node.children.length === 0).length;
  const draft = {
    id: slug,
    title: options.title ?? `Bộ chỉ số nhập từ ${basename(file)}`,
    province: { code: options.province ?? "chua-xac-dinh", name: options.province ?? "Chưa xác định" },
    decision: null,
    version: "draft",
    unitKinds: [options.unitKind ?? "department"],
    totalPoints: known ? roots.reduce((a, r) => a + r.max!, 0) : null,
    completeness: known ? "full" : "structure",
    notes: [`Tạo tự động từ bảng phụ lục ${basename(file)}; các quy tắc tính điểm được suy ra từ nội dung và cần rà soát trước khi sử dụng.`],
    indices: roots.map(serialise),
  };
  const output = options.output ?? `${slug}.yaml`;
  writeFileSync(output, stringify(draft, { lineWidth: 0 }));
  ctx.out(i18n.t(locale, "cli-import-written", { file: output, items: leaves }));
  return 0;
}
