import { writeFileSync } from "node:fs";
import { basename, extname, resolve } from "node:path";
import { stringify } from "yaml";
import { loadRulesetFile } from "../rulesets/index.js";
import { describeRule, fold, walk } from "../scoring/index.js";
import { buildTree, type Draft, type Problem } from "./appendix/build.js";
import { findColumns } from "./appendix/columns.js";
import { readLines } from "./appendix/layout.js";
import { writeReviewWorkbook, type ReviewRow } from "./appendix/report.js";
import { guessRule, type RuleStatus } from "./appendix/rules.js";
import { readSheet } from "./appendix/sheet.js";
import { readTitleBlock } from "./appendix/title.js";
import { issueLine, type CliContext } from "./context.js";

export interface ImportOptions {
  output?: string; id?: string; title?: string; province?: string; unitKind?: string; report?: string;
}

/** A draft node in YAML order, with what the import understood of its rule. */
interface Read {
  readonly yaml: Record<string, unknown>;
  readonly leaves: { draft: Draft; status: RuleStatus; ruleText: string }[];
}

function toYaml(d: Draft, leaves: Read["leaves"]): Record<string, unknown> {
  const node: Record<string, unknown> = { code: d.code, name: d.name, max: d.max };
  if (d.children.length > 0) return { ...node, children: d.children.map((c) => toYaml(c, leaves)) };
  const ruleText = [d.text.rule, ...d.details].filter((s) => s !== "").join("\n");
  const guess = guessRule(ruleText, d.max ?? 0, d.effect);
  leaves.push({ draft: d, status: guess.status, ruleText });
  return {
    ...node,
    ...(ruleText && { howToCount: ruleText }),
    ...(d.text.evidence && { evidence: d.text.evidence }),
    input: guess.input,
    rule: guess.rule,
    ...(d.effect !== "base" && { effect: d.effect }),
    inferred: true,
    ...(guess.status !== "recognised" && { ruleCheck: guess.status }),
    ...(d.text.note && { note: d.text.note }),
  };
}

/**
 * `dti rulesets import <appendix>`: a decision's appendix as published (title
 * block, merged headers, roman and lettered parts, totals, signatures) to a
 * ruleset draft, with a review of every rule it read. Nothing is written while
 * the table has a problem; each is named with its row.
 */
export async function importAppendixCommand(ctx: CliContext, file: string, options: ImportOptions): Promise<number> {
  const { i18n, locale } = ctx;
  const rows = await readSheet(file);
  const columns = findColumns(rows);
  if (!columns) {
    ctx.err(i18n.t(locale, "cli-import-no-header", { rows: Math.min(rows.length, 40) }));
    return 1;
  }
  const lines = readLines(rows, columns);
  const tree = buildTree(lines);
  const problems: string[] = [];
  for (const l of lines) {
    if (l.kind !== "bad") continue;
    const problem = i18n.t(locale, l.problem === "code" ? "cli-import-bad-code" : "cli-import-bad-number", { value: l.value });
    problems.push(i18n.t(locale, "cli-import-row", { row: l.line, column: i18n.t(locale, "cli-import-column", { column: l.column }), problem }));
  }
  const named = (p: Problem) => i18n.t(locale, "cli-import-at-row", { row: p.line, problem: i18n.t(locale, `cli-${p.key}`, p.args) });
  problems.push(...tree.problems.map(named));
  if (problems.length > 0) {
    ctx.err(i18n.t(locale, "cli-import-problems", { count: problems.length }));
    problems.forEach((p) => ctx.err(p));
    return 1;
  }
  // The decision's own words above the table: its title, number and date, province and the units it scores.
  const block = readTitleBlock(rows, columns.line);
  const unitKind = options.unitKind ?? block.unitKind ?? "department";
  const leaves: Read["leaves"] = [];
  const indices = tree.roots.map((r) => toYaml(r, leaves));
  const pending = leaves.filter((l) => l.status !== "recognised");
  const slug = options.id ?? (fold(basename(file, extname(file))).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "phu-luc");
  const isBase = (r: Draft) => r.effect === "base" && (r.max !== 0 || r.children.every((c) => c.effect === "base"));
  const draft = {
    id: slug,
    title: options.title ?? block.title ?? i18n.t(locale, "cli-import-title", { file: basename(file) }),
    province: options.province ? { code: options.province, name: options.province } : block.province ?? { code: "chua-xac-dinh", name: "Chưa xác định" },
    decision: block.decision ? { number: block.decision.number, ...(block.decision.date && { date: block.decision.date }) } : null,
    version: "draft",
    status: pending.length > 0 ? "draft" : "reviewed",
    unitKinds: [unitKind],
    totalPoints: Math.round(tree.roots.filter(isBase).reduce((a, r) => a + (r.max ?? 0) * 1e6, 0)) / 1e6,
    completeness: "full",
    notes: [i18n.t("vi", "cli-import-note", { file: basename(file) })],
    ...((tree.bonusCap !== null || tree.penaltyCap !== null) && { adjustments: { bonusCap: tree.bonusCap, penaltyCap: tree.penaltyCap } }),
    indices,
  };
  const output = resolve(options.output ?? `${slug}.yaml`);
  writeFileSync(output, stringify(draft, { lineWidth: 0 }));
  const { ruleset, issues } = loadRulesetFile(output, { locale });
  if (!ruleset) {
    ctx.err(i18n.t(locale, "cli-import-invalid", { file: output, count: issues.length }));
    issues.forEach((i) => ctx.err(issueLine(ctx, i)));
    return 1;
  }
  // What was read, beside what was understood: every rule a person must check before it scores anyone.
  const nodes = new Map(walk(ruleset).map((n) => [n.code, n]));
  const review: ReviewRow[] = leaves.map((l) => ({
    code: l.draft.code, name: l.draft.name, max: l.draft.max ?? 0, effect: l.draft.effect, line: l.draft.line,
    original: l.ruleText, status: l.status,
    understood: describeRule(nodes.get(l.draft.code)!).filter((e) => e.key !== "rule-inferred").map((e) => i18n.explain(locale, e)).join("\n"),
  }));
  for (const r of review.filter((x) => x.status !== "recognised")) {
    ctx.out(i18n.t(locale, "cli-import-review-line", { code: r.code, line: r.line, status: r.status, original: r.original || "-", understood: r.understood.replace(/\n/g, " ") }));
  }
  if (columns.unused.length > 0) ctx.out(i18n.t(locale, "cli-import-unused", { columns: columns.unused.map((c) => `“${c}”`).join(", ") }));
  if (options.report) await writeReviewWorkbook(options.report, review, i18n, locale);
  const counts = { recognised: 0, uncertain: 0, unrecognised: 0 };
  for (const l of leaves) counts[l.status] += 1;
  ctx.out(i18n.t(locale, "cli-import-written", {
    file: output, items: leaves.length, recognised: counts.recognised, uncertain: counts.uncertain, unrecognised: counts.unrecognised,
    id: ruleset.id, report: options.report ? resolve(options.report) : "none", draft: pending.length > 0 ? "yes" : "no",
    unitKind: i18n.t(locale, "unit-kind", { kind: unitKind }), read: options.unitKind ? "option" : block.unitKind ? "title" : "default",
    decision: block.decision?.number ?? "none",
  }));
  return 0;
}
