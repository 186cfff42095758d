import { basename } from "node:path";
import ExcelJS from "exceljs";
import { formatEvidence, parseEvidence } from "../bot/evidence.js";
import { groupMembers } from "../bot/period-scores.js";
import type { FigureInput } from "../bot/ports/store.js";
import { parseErrorMessage } from "../i18n/parse-error.js";
import { inputWords, parseFigure, walk } from "../scoring/index.js";
import { loadCatalog, type CliContext } from "./context.js";
import { idArgument } from "./errors.js";
import { RowReport } from "./row-report.js";
import { cellOf, dataRows, findHeader, readTable } from "./table.js";

type Column = "unit" | "unitName" | "item" | "itemName" | "max" | "hint" | "value" | "evidence" | "note";

const HEADERS: Record<Column, readonly string[]> = {
  unit: ["ma don vi", "unit"],
  unitName: ["ten don vi", "unit name"],
  item: ["ma chi so", "item"],
  itemName: ["ten chi so", "item name"],
  max: ["diem toi da", "max"],
  hint: ["cach nhap", "hint"],
  value: ["gia tri", "so lieu", "value"],
  evidence: ["minh chung", "tai lieu kiem chung", "evidence"],
  note: ["ghi chu", "note"],
};
const ORDER: readonly Column[] = ["unit", "unitName", "item", "itemName", "max", "hint", "value", "evidence", "note"];

async function periodContext(ctx: CliContext, periodId: string) {
  const catalog = loadCatalog(ctx);
  if (!catalog) return null;
  const store = await ctx.store();
  const id = idArgument(ctx, periodId);
  const period = id === null ? null : await store.periods.byId(id);
  if (!period) {
    if (id !== null) ctx.err(ctx.i18n.t(ctx.locale, "cli-period-unknown", { id: periodId }));
    return null;
  }
  const ruleset = catalog.get(period.rulesetId);
  if (!ruleset) {
    ctx.err(ctx.i18n.t(ctx.locale, "cli-period-score-unknown_ruleset", { ruleset: period.rulesetId }));
    return null;
  }
  const [units, assignments] = await Promise.all([store.units.list(period.provinceId), store.provinces.rulesets(period.provinceId)]);
  const members = groupMembers(ruleset, assignments, units, new Set()).flatMap((g) => g.units);
  const leaves = walk(ruleset).filter((n) => n.children.length === 0 && n.rule);
  return { store, period, ruleset, members, leaves };
}

/** `dti export figures <period> -o file.xlsx`: the collection template, pre-filled with current figures. */
export async function exportFiguresCommand(ctx: CliContext, periodId: string, options: { output?: string }): Promise<number> {
  const { i18n, locale } = ctx;
  const c = await periodContext(ctx, periodId);
  if (!c) return 1;
  const current = new Map((await c.store.figures.current(c.period.id)).map((f) => [`${f.unitId}|${f.itemCode}`, f]));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("So lieu", { views: [{ state: "frozen", ySplit: 1, xSplit: 4 }] });
  sheet.addRow(ORDER.map((col) => i18n.t(locale, `xlsx-figures-${col}`)));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: "middle" };
  for (const unit of c.members) {
    for (const leaf of c.leaves) {
      const figure = current.get(`${unit.id}|${leaf.code}`);
      // Values stay text ("85,5%", "394/508") so Excel does not reinterpret decimal commas.
      const row = sheet.addRow([
        unit.code, unit.name, leaf.code, leaf.name, leaf.maxPoints ?? 0, i18n.t(locale, "input-kind", { kind: inputWords(leaf) }),
        figure?.rawValue ?? "", figure ? formatEvidence(figure.evidence) : "", figure?.note ?? "",
      ]);
      row.getCell(7).numFmt = "@";
    }
  }
  [10, 36, 9, 48, 9, 30, 16, 48, 24].forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  const file = options.output ?? `so-lieu-ky-${c.period.id}.xlsx`;
  await workbook.xlsx.writeFile(file);
  ctx.out(i18n.t(locale, "cli-export-figures-written", { file, rows: c.members.length * c.leaves.length }));
  return 0;
}

/** `dti import figures <period> <file> [--force]`: every bad row reported; all rows recorded or none. */
export async function importFiguresCommand(ctx: CliContext, periodId: string, file: string, options: { force?: boolean }): Promise<number> {
  const { i18n, locale } = ctx;
  const c = await periodContext(ctx, periodId);
  if (!c) return 1;
  const rows = await readTable(file);
  const report = new RowReport(ctx);
  const found = findHeader(rows, HEADERS, ["unit", "item", "value"]);
  if (!found.ok) return report.missingColumns(found.line, found.missing);
  const units = new Map(c.members.map((u) => [u.code, u]));
  const leaves = new Map(c.leaves.map((l) => [l.code, l]));
  const current = new Map((await c.store.figures.current(c.period.id)).map((f) => [`${f.unitId}|${f.itemCode}`, f]));
  const seen = new Map<string, number>();
  const inputs: FigureInput[] = [];
  const label = `${i18n.t(locale, "cli-import-label", { file: basename(file) })} (${ctx.actor})`;
  for (const row of dataRows(rows, found.header)) {
    const cell = (col: Column) => cellOf(found.header, row, col);
    const value = cell("value");
    if (!value) continue; // an empty cell changes nothing
    const unit = units.get(cell("unit"));
    const leaf = leaves.get(cell("item"));
    if (!unit) report.add(row.line, "unit", i18n.t(locale, "cli-unit-unknown", { code: cell("unit") }));
    if (!leaf) report.add(row.line, "item", i18n.t(locale, "cli-csv-unknown-item", { id: c.ruleset.id }));
    if (!unit || !leaf) continue;
    const key = `${unit.id}|${leaf.code}`;
    if (seen.has(key)) {
      report.add(row.line, "item", i18n.t(locale, "cli-csv-duplicate", { first: seen.get(key)! }));
      continue;
    }
    seen.set(key, row.line);
    const parsed = parseFigure(value, leaf);
    if (!parsed.ok) {
      report.add(row.line, "value", parseErrorMessage(i18n, locale, parsed.error));
      continue;
    }
    const evidence = parseEvidence(cell("evidence"));
    const before = current.get(key);
    if (before && before.rawValue === value && formatEvidence(before.evidence) === formatEvidence(evidence)) continue;
    inputs.push({
      periodId: c.period.id, unitId: unit.id, itemCode: leaf.code, rawValue: value, figure: parsed.figure, evidence,
      status: "submitted", enteredBy: null, enteredByLabel: label, channel: "import", note: cell("note") || null,
    });
  }
  if (report.failed()) return report.print("cli-figures-problems");
  const result = await c.store.figures.recordMany(inputs, ctx.now(), { force: options.force === true });
  if (!result.ok) {
    // An import uses no chat confirmation, so only a lock can refuse it.
    const unitId = "unitId" in result ? result.unitId : 0;
    const unit = c.members.find((u) => u.id === unitId);
    ctx.err(i18n.t(locale, `cli-figures-${result.reason}`, { unit: unit?.name ?? String(unitId) }));
    return 1;
  }
  ctx.out(i18n.t(locale, "cli-figures-imported", { count: result.count, unchanged: seen.size - result.count }));
  return 0;
}
