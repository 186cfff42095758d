import { q, scoreGroup, type Figure, type Rule, type Ruleset, type RulesetNode, type UnitInput } from "../src/scoring/index.js";
import type { BenchResult } from "./run.js";
import { medianMs, round, seeded } from "./timing.js";

export const UNITS = 4_000;
const INDICES = 10;
const PER_INDEX = 10;
const TARGET_MS = 200;
const TARGET_RATIO = 20;

const base = (code: string, max: number, rule: Rule, kind: NonNullable<RulesetNode["input"]>["kind"]): RulesetNode => ({
  code, name: code, depth: 1, evidenceRequired: false, keywords: [], synonyms: [], maxPoints: max, input: { kind }, rule,
  effect: "base", notApplicable: { allowed: true, automaticFor: [] }, inferred: false, children: [],
});

/** 100 items in the proportions real sets show: mostly ratios, then yes/no, counts, levels and group-relative items. */
export function buildRuleset(): Ruleset {
  const indices: RulesetNode[] = [];
  for (let i = 1; i <= INDICES; i += 1) {
    const children: RulesetNode[] = [];
    for (let j = 1; j <= PER_INDEX; j += 1) {
      const code = `${i}.${j}`;
      const kind = j % 10;
      if (kind <= 4) children.push(base(code, 10, { type: "ratio" }, "fraction"));
      else if (kind === 5) children.push(base(code, 10, { type: "ratio", fullAt: 0.8 }, "percent"));
      else if (kind === 6) children.push(base(code, 10, { type: "yes_no" }, "yes_no"));
      else if (kind === 7) children.push(base(code, 10, { type: "tiers", tiers: [{ atLeast: 4, points: 10 }, { atLeast: 2, points: 5 }] }, "count"));
      else if (kind === 8) children.push(base(code, 10, { type: "per_item", each: 2.5 }, "count"));
      else children.push(base(code, 10, { type: "normalise_to_best" }, "money"));
    }
    indices.push({ ...base(String(i), 100, { type: "not_scored" }, "count"), depth: 0, rule: undefined, input: undefined, children } as RulesetNode);
  }
  return {
    id: "bench", title: "bench", province: { code: "b", name: "b" }, decision: null, version: "1", unitKinds: ["commune"],
    totalPoints: 1000, completeness: "full", illustrative: true, draft: false, historical: false, declared: {}, sources: [], notes: [], indices,
    classification: { scale: 100, bands: [{ id: "a", name: "A", from: 80 }, { id: "b", name: "B", from: 50, below: 80 }, { id: "c", name: "C", from: 0, below: 50 }] },
    rounding: { digits: 2, valueDigits: 4, mode: "half_up" }, adjustments: { bonusCap: null, penaltyCap: null }, process: { deadlines: [], notes: [] },
  };
}

export function buildUnits(ruleset: Ruleset): UnitInput[] {
  const random = seeded(20_251_231);
  const leaves = ruleset.indices.flatMap((i) => i.children);
  return Array.from({ length: UNITS }, (_, u) => {
    const figures = new Map<string, Figure>();
    for (const leaf of leaves) {
      if (random() < 0.05) continue; // some missing figures, as in real submissions
      const rule = leaf.rule!;
      let figure: Figure;
      if (rule.type === "ratio") {
        const b = 1 + Math.floor(random() * 600);
        const a = Math.floor(random() * (b + 1));
        figure = { kind: "share", value: q(a, b), a, b };
      } else if (rule.type === "yes_no") figure = { kind: "yes_no", yes: random() < 0.7 };
      else if (rule.type === "normalise_to_best") figure = { kind: "amount", value: q(Math.floor(random() * 5e9)) };
      else figure = { kind: "amount", value: q(Math.floor(random() * 8)) };
      figures.set(leaf.code, figure);
    }
    return { unitId: `xa-${u}`, figures };
  });
}

/** What any consumer of these figures must at least do: touch each one and add it up. */
function plainLoop(units: readonly UnitInput[], codes: readonly string[]): number {
  let sum = 0;
  for (const unit of units) {
    for (const code of codes) {
      const f = unit.figures.get(code);
      if (!f) continue;
      if (f.kind === "share" || f.kind === "amount") sum += f.value.n / f.value.d;
      else if (f.kind === "yes_no" && f.yes) sum += 1;
    }
  }
  return sum;
}

export function scoringBench(): BenchResult[] {
  const ruleset = buildRuleset();
  const units = buildUnits(ruleset);
  const codes = ruleset.indices.flatMap((i) => i.children.map((c) => c.code));
  let sink = 0;
  const baselineMs = medianMs(() => {
    sink += plainLoop(units, codes);
  });
  let ranked = 0;
  const engineMs = medianMs(() => {
    const outcome = scoreGroup(ruleset, units);
    ranked = outcome.ok ? outcome.result.units.length : 0;
  });
  if (ranked !== UNITS || Number.isNaN(sink)) throw new Error("benchmark did not score every unit");
  // Memory one group result keeps alive (needs --expose-gc, which `npm run bench` passes).
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const kept = scoreGroup(ruleset, units);
  gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  if (!kept.ok) throw new Error("unreachable");
  const ratio = engineMs / baselineMs;
  return [{
    bench: "scoring",
    case: `score and rank ${UNITS} units × ${codes.length} items`,
    engine_ms: round(engineMs),
    baseline_ms: round(baselineMs),
    ratio: round(ratio, 1),
    target_ms: TARGET_MS,
    target_ratio: TARGET_RATIO,
    result_heap_mb: gc ? round((heapAfter - heapBefore) / 2 ** 20, 1) : null,
    pass: engineMs < TARGET_MS && ratio < TARGET_RATIO,
  }];
}
