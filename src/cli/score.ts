import { readFileSync } from "node:fs";
import { parseErrorMessage } from "../i18n/parse-error.js";
import { explainItem, parseFigure, scoreGroup, type Figure, type Ruleset, type UnitInput, type UnitScore } from "../scoring/index.js";
import type { Catalog } from "../rulesets/index.js";
import { loadCatalog, type CliContext } from "./context.js";
import { readFiguresCsv, type FigureRow } from "./figures-csv.js";
import { compactTable } from "./output.js";

type Built = { ok: true; units: UnitInput[] } | { ok: false; problems: string[] };

/** Parse every row; collect every problem so the file can be fixed in one go. */
export function buildUnits(ctx: CliContext, catalog: Catalog, ruleset: Ruleset, rows: readonly FigureRow[]): Built {
  const { i18n, locale } = ctx;
  const units = new Map<string, Map<string, Figure>>();
  const firstRow = new Map<string, number>();
  const problems: string[] = [];
  const problem = (row: FigureRow, text: string): void => {
    problems.push(i18n.t(locale, "cli-csv-row", { row: row.row, unit: row.unit, item: row.item, problem: text }));
  };
  for (const row of rows) {
    const node = catalog.item(ruleset.id, row.item);
    if (!units.has(row.unit)) units.set(row.unit, new Map());
    if (!node || node.children.length > 0) {
      problem(row, i18n.t(locale, "cli-csv-unknown-item", { id: ruleset.id }));
      continue;
    }
    const key = `${row.unit}\u0000${row.item}`;
    const first = firstRow.get(key);
    if (first !== undefined) {
      problem(row, i18n.t(locale, "cli-csv-duplicate", { first }));
      continue;
    }
    firstRow.set(key, row.row);
    const parsed = parseFigure(row.value, node);
    if (!parsed.ok) {
      problem(row, parseErrorMessage(i18n, locale, parsed.error));
      continue;
    }
    units.get(row.unit)!.set(row.item, parsed.figure);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, units: [...units].map(([unitId, figures]) => ({ unitId, figures })) };
}

function tableOf(ctx: CliContext, units: readonly UnitScore[]): string {
  const { i18n, locale } = ctx;
  const h = (key: string): string => i18n.t(locale, `cli-score-header-${key}`);
  const table = compactTable(
    [h("rank"), h("unit"), h("points"), h("max"), h("value"), h("class"), h("missing")],
    ["right", "left", "right", "right", "right", "left", "right"],
  );
  for (const u of units) {
    table.push([
      u.rank, u.unitId, i18n.number(locale, u.total), i18n.number(locale, u.applicableMax),
      i18n.number(locale, u.value, 4), u.className ?? "", u.missing.length,
    ]);
  }
  return table.toString();
}

/** `dti score <ruleset> <figures.csv> [--json]` */
export function scoreCommand(ctx: CliContext, rulesetId: string, file: string, options: { json?: boolean }): number {
  const { i18n, locale } = ctx;
  const catalog = loadCatalog(ctx);
  if (!catalog) return 1;
  const ruleset = catalog.get(rulesetId);
  if (!ruleset) {
    ctx.err(i18n.t(locale, "cli-ruleset-not-found", { id: rulesetId, known: catalog.all.map((r) => r.id).join(", ") }));
    return 1;
  }
  if (ruleset.completeness !== "full") {
    ctx.err(i18n.t(locale, "cli-structure-only", { id: ruleset.id }));
    return 1;
  }
  const csv = readFiguresCsv(readFileSync(file, "utf8"));
  if (!csv.ok) {
    ctx.err(i18n.t(locale, "cli-csv-columns", { missing: csv.missing.join(", ") }));
    return 1;
  }
  const built = buildUnits(ctx, catalog, ruleset, csv.rows);
  if (!built.ok) {
    ctx.err(i18n.t(locale, "cli-csv-problems", { count: built.problems.length }));
    built.problems.forEach((p) => ctx.err(p));
    return 1;
  }
  const outcome = scoreGroup(ruleset, built.units);
  if (!outcome.ok) {
    ctx.err(i18n.t(locale, "cli-structure-only", { id: ruleset.id }));
    return 1;
  }
  const units = outcome.result.units;
  if (options.json) {
    const nodes = new Map(units[0]?.items.map((i) => [i.code, catalog.item(ruleset.id, i.code)!]) ?? []);
    ctx.out(JSON.stringify({
      ruleset: ruleset.id,
      units: units.map((u) => ({
        unit: u.unitId, rank: u.rank, points: u.total, max: u.applicableMax, value: u.value,
        class: u.className, missing: u.missing,
        indices: u.indices.map((x) => ({ code: x.code, points: x.points, max: x.max, value: x.value })),
        items: u.items.map((i) => ({
          code: i.code, status: i.status, points: i.points, max: i.max,
          explanation: i18n.explain(locale, explainItem(nodes.get(i.code)!, i)),
        })),
      })),
    }, null, 2));
    return 0;
  }
  ctx.out(i18n.t(locale, "cli-score-title", { title: ruleset.title, units: units.length }));
  ctx.out(tableOf(ctx, units));
  return 0;
}
