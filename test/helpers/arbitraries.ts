import fc from "fast-check";
import { q, type Figure, type Rule, type Ruleset, type RulesetNode, type UnitInput } from "../../src/scoring/index.js";
import { index, leaf, ruleset } from "./builders.js";

/** Points with at most two decimals, as rulesets state them. */
export const pointsArb = (max = 50): fc.Arbitrary<number> => fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100);

const shareArb: fc.Arbitrary<Figure> = fc.oneof(
  fc.integer({ min: 0, max: 10_000 }).map((n) => ({ kind: "share" as const, value: q(n, 10_000) })),
  fc.tuple(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 0, max: 5_000 }))
    .map(([b, a]) => ({ kind: "share" as const, value: q(Math.min(a, b), b), a: Math.min(a, b), b })),
);
const countArb: fc.Arbitrary<Figure> = fc.integer({ min: 0, max: 1_000 }).map((n) => ({ kind: "amount" as const, value: q(n) }));

interface LeafSpec {
  readonly node: RulesetNode;
  readonly figure: fc.Arbitrary<Figure>;
}

/** A leaf of a random rule type, with an arbitrary for figures it can read. */
function leafSpecArb(code: string): fc.Arbitrary<LeafSpec> {
  return fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), fc.integer({ min: 50, max: 100 }))
    .map(([kind, max, allowNa, target]): LeafSpec => {
      const na = { allowed: allowNa, automaticFor: [] };
      const make = (rule: Rule, input: NonNullable<RulesetNode["input"]>["kind"]) => leaf(code, max, rule, input, { notApplicable: na });
      switch (kind) {
        case 0: return { node: make({ type: "ratio" }, "percent"), figure: shareArb };
        case 1: return { node: make({ type: "ratio", fullAt: target / 100 }, "fraction"), figure: shareArb };
        case 2: return { node: make({ type: "yes_no" }, "yes_no"), figure: fc.boolean().map((yes) => ({ kind: "yes_no" as const, yes })) };
        case 3: return {
          node: make({ type: "tiers", tiers: [{ atLeast: 10, points: max }, { atLeast: 5, points: Math.floor(max / 2) }] }, "count"),
          figure: countArb,
        };
        case 4: return {
          node: make({ type: "levels", levels: [{ id: "a", label: "A", aliases: [], points: max }, { id: "b", label: "B", aliases: [], points: max / 2 }] }, "choice"),
          figure: fc.constantFrom("a", "b").map((id) => ({ kind: "choice" as const, ids: [id] })),
        };
        case 5: return {
          node: make({ type: "parts", parts: [{ id: "a", label: "A", aliases: [], points: max / 2 }, { id: "b", label: "B", aliases: [], points: max / 2 }] }, "choice"),
          figure: fc.subarray(["a", "b"]).map((ids) => ({ kind: "choice" as const, ids })),
        };
        case 6: return { node: make({ type: "per_item", each: 2 }, "count"), figure: countArb };
        case 7: return { node: make({ type: "normalise_to_best" }, "count"), figure: countArb };
        case 8: return {
          node: make({ type: "assigned" }, "points"),
          figure: fc.integer({ min: 0, max: max * 100 }).map((n) => ({ kind: "amount" as const, value: q(n, 100) })),
        };
        default: return { node: make({ type: "ratio" }, "index_value"), figure: shareArb };
      }
    });
}

export interface Scenario {
  readonly ruleset: Ruleset;
  readonly units: readonly UnitInput[];
}

/**
 * A random full ruleset (1–4 main indices, 1–5 leaves each, every rule type,
 * optional bonus and penalty) and a group of units with random figures:
 * some missing, some "đặc thù", a few of the wrong kind.
 */
export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 })
  .chain((sizes) => {
    const specs = sizes.map((size, i) => fc.tuple(...Array.from({ length: size }, (_, j) => leafSpecArb(`${i + 1}.${j + 1}`))));
    return fc.tuple(fc.tuple(...specs), fc.boolean(), fc.option(pointsArb(10), { nil: null }), fc.option(pointsArb(10), { nil: null }));
  })
  .chain(([indexSpecs, withAdjustments, bonusCap, penaltyCap]) => {
    const flat: LeafSpec[] = indexSpecs.flat();
    const adjustments: LeafSpec[] = withAdjustments
      ? [
          { node: leaf("9.1", 5, { type: "per_item", each: 1 }, "count", { effect: "bonus" }), figure: countArb },
          { node: leaf("9.2", 5, { type: "per_item", each: 1 }, "count", { effect: "penalty" }), figure: countArb },
        ]
      : [];
    const indices = indexSpecs.map((specs, i) => index(String(i + 1), specs.map((s) => s.node)));
    if (withAdjustments) indices.push(index("9", adjustments.map((s) => s.node)));
    const rs = ruleset(indices, { adjustments: { bonusCap, penaltyCap } });
    const all = [...flat, ...adjustments];
    const figureArb = (spec: LeafSpec): fc.Arbitrary<Figure | null> => fc.oneof(
      { weight: 6, arbitrary: spec.figure },
      { weight: 2, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constant<Figure>({ kind: "not_applicable" }) },
      { weight: 1, arbitrary: fc.constant<Figure>({ kind: "yes_no", yes: true }) },
    );
    const unitArb = fc.tuple(...all.map(figureArb));
    return fc.array(unitArb, { minLength: 1, maxLength: 8 }).map((rows): Scenario => ({
      ruleset: rs,
      units: rows.map((row, u) => ({
        unitId: `U${u}`,
        figures: new Map(row.flatMap((figure, i) => (figure ? [[all[i]!.node.code, figure] as const] : []))),
      })),
    }));
  });
