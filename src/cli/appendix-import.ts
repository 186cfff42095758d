import { writeFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { stringify } from "yaml";
import { fold, readNumber } from "../scoring/index.js";
import { guessRule } from "./appendix-rules.js";
import type { CliContext } from "./context.js";
import { cellOf, dataRows, findHeader, readTable, type TableRow } from "./table.js";

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
  const found = findHeader(rows, HEADERS, REQUIRED);
  const problems: string[] = [];
  const problem = (line: number, column: string, text: string): void => {
    problems.push(i18n.t(locale, "cli-import-row", { row: line, column, problem: text }));
  };
  if (!found.ok) found.missing.forEach((c) => problem(found.line, c, i18n.t(locale, "cli-import-missing-column", { column: c })));
  const cell = (row: TableRow, column: Column): string => (found.ok ? cellOf(found.header, row, column) : "");
  const byCode = new Map<string, { node: DraftNode; line: number }>();
  const roots: DraftNode[] = [];
  const body = found.ok ? dataRows(rows, found.header) : [];
  if (found.ok && body.length === 0) problem(found.header.line, "-", i18n.t(locale, "cli-import-empty"));
  for (const row of body) {
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
