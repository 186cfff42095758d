import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { importAppendixCommand } from "../src/cli/appendix-import.js";
import { loadRulesetFile } from "../src/rulesets/index.js";
import { parseFigure, scoreGroup, walk, type Figure } from "../src/scoring/index.js";
import { captured } from "../test/helpers/cli.js";
import { FIXTURES, type AppendixFixture } from "../test/fixtures/appendix/index.js";
import type { BenchResult } from "./run.js";

interface YamlNode { code: string; rule?: { type: string }; ruleCheck?: string; children?: YamlNode[] }
const leavesOf = (nodes: YamlNode[]): YamlNode[] => nodes.flatMap((n) => (n.children?.length ? leavesOf(n.children) : [n]));

/** How far one appendix imports as published: codes kept, rules read, units' totals as the decision gives them. */
async function measure(fixture: AppendixFixture, dir: string) {
  const input = join(dir, `${fixture.name}.xlsx`);
  await fixture.build(input);
  const output = join(dir, `${fixture.name}.yaml`);
  const { ctx, err } = captured();
  const code = await importAppendixCommand(ctx, input, { output, unitKind: fixture.unitKind, id: fixture.name });
  const expected = fixture.expected;
  const items = expected.items.length;
  // What an importer that reads no rule (points given directly everywhere) would get right.
  const baselineRules = expected.items.filter((i) => i.rule === "assigned" || i.rule === "unrecognised").length;
  if (expected.errors) return { imported: code === 1 && expected.errors.every((e) => err.join("\n").includes(e)), items: 0, codes: 0, rules: 0, baselineRules: 0, totals: 0, units: 0 };
  if (code !== 0) return { imported: false, items, codes: 0, rules: 0, baselineRules, totals: 0, units: expected.units.length };
  const leaves = leavesOf((parse(readFileSync(output, "utf8")) as { indices: YamlNode[] }).indices);
  const byCode = new Map(leaves.map((l) => [l.code, l]));
  const codes = expected.items.filter((i) => byCode.has(i.code)).length;
  const rules = expected.items.filter((i) => {
    const leaf = byCode.get(i.code);
    return leaf && (i.rule === "unrecognised" ? leaf.ruleCheck === "unrecognised" : leaf.rule?.type === i.rule);
  }).length;
  const { ruleset } = loadRulesetFile(output);
  let totals = 0;
  if (ruleset) {
    const nodes = new Map(walk(ruleset).map((n) => [n.code, n]));
    const units = expected.units.map((u) => {
      const figures = new Map<string, Figure>();
      for (const [c, raw] of Object.entries(u.figures)) {
        const node = nodes.get(c);
        const parsed = node ? parseFigure(raw, node) : null;
        if (parsed?.ok) figures.set(c, parsed.figure);
      }
      return { unitId: u.code, figures };
    });
    const outcome = scoreGroup(ruleset, units);
    if (outcome.ok) totals = expected.units.filter((u) => outcome.result.units.find((r) => r.unitId === u.code)?.total === u.total).length;
  }
  return { imported: true, items, codes, rules, baselineRules, totals, units: expected.units.length };
}

/** Appendix import against workbooks laid out as decisions print them; the held-out ones were never tuned on. */
export async function appendixBench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "dti-bench-appendix-"));
  const out: BenchResult[] = [];
  for (const part of ["tune", "holdout"] as const) {
    const fixtures = FIXTURES.filter((f) => f.holdout === (part === "holdout"));
    const results: ({ name: string } & Awaited<ReturnType<typeof measure>>)[] = [];
    for (const f of fixtures) results.push({ name: f.name, ...(await measure(f, dir)) });
    const sum = (k: "items" | "codes" | "rules" | "baselineRules" | "totals" | "units") => results.reduce((a, r) => a + r[k], 0);
    const share = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);
    out.push({
      bench: `appendix-import-${part}`, pass: results.every((r) => r.imported) && sum("totals") === sum("units"),
      workbooks: results.length, imported: results.filter((r) => r.imported).length,
      codesKept: share(sum("codes"), sum("items")), rulesRead: share(sum("rules"), sum("items")), baselineRulesRead: share(sum("baselineRules"), sum("items")),
      unitTotalsExact: share(sum("totals"), sum("units")), failing: results.filter((r) => !r.imported || r.totals < r.units).map((r) => r.name),
    });
  }
  return out;
}
