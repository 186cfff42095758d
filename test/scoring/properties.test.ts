import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreGroup, toUnits, walk, type GroupResult, type Ruleset, type UnitInput, type UnitScore } from "../../src/scoring/index.js";
import { scenarioArb } from "../helpers/arbitraries.js";
import { index, leaf, pct, ruleset, unit } from "../helpers/builders.js";

const RUNS = { numRuns: 300 };
const u = (points: number): number => toUnits(points, 2);

function score(rs: Ruleset, units: readonly UnitInput[]): GroupResult {
  const outcome = scoreGroup(rs, units);
  if (!outcome.ok) throw new Error("full rulesets always score");
  return outcome.result;
}

/** Exact comparison of two units' values (total ÷ applicable max), as the engine ranks them. */
function compareValues(a: UnitScore, b: UnitScore): number {
  const av = u(a.applicableMax) > 0 ? BigInt(u(a.total)) * BigInt(Math.max(1, u(b.applicableMax))) : 0n;
  const bv = u(b.applicableMax) > 0 ? BigInt(u(b.total)) * BigInt(Math.max(1, u(a.applicableMax))) : 0n;
  return av === bv ? 0 : av > bv ? 1 : -1;
}

describe("scoring invariants (fast-check)", () => {
  it("an item never scores below zero or above its maximum", () => {
    fc.assert(fc.property(scenarioArb, ({ ruleset: rs, units }) => {
      const maxima = new Map(walk(rs).map((n) => [n.code, n.maxPoints ?? 0]));
      for (const unitScore of score(rs, units).units) {
        for (const item of unitScore.items) {
          expect(item.points).toBeGreaterThanOrEqual(0);
          expect(item.points).toBeLessThanOrEqual(maxima.get(item.code)!);
          if (item.status !== "scored") expect(item.points).toBe(0);
        }
      }
    }), RUNS);
  });

  it("the total is exactly the sum of the items (bonus and penalty within their caps, never below zero)", () => {
    fc.assert(fc.property(scenarioArb, ({ ruleset: rs, units }) => {
      const { bonusCap, penaltyCap } = rs.adjustments;
      for (const s of score(rs, units).units) {
        const sum = (effect: string) => s.items.filter((i) => i.effect === effect).reduce((a, i) => a + u(i.points), 0);
        const base = sum("base");
        const bonus = Math.min(sum("bonus"), bonusCap === null ? Infinity : u(bonusCap));
        const penalty = Math.min(sum("penalty"), penaltyCap === null ? Infinity : u(penaltyCap));
        expect(u(s.basePoints)).toBe(base);
        expect(u(s.total)).toBe(Math.max(0, base + bonus - penalty));
        expect(s.indices.reduce((a, i) => a + u(i.max), 0)).toBe(u(s.applicableMax));
        // Not-applicable and not-scored items carry max 0, so the applicable maximum is the sum of the rest.
        expect(u(s.applicableMax)).toBe(s.items.filter((i) => i.effect === "base").reduce((a, i) => a + u(i.max), 0));
      }
    }), RUNS);
  });

  it("ranking is a permutation of the group with competition ranks (ties share a rank)", () => {
    fc.assert(fc.property(scenarioArb, ({ ruleset: rs, units }) => {
      const ranked = score(rs, units).units;
      expect(ranked.map((x) => x.unitId).sort()).toEqual(units.map((x) => x.unitId).sort());
      for (const s of ranked) {
        const better = ranked.filter((o) => compareValues(o, s) > 0).length;
        expect(s.rank).toBe(better + 1);
      }
      ranked.slice(1).forEach((s, i) => expect(compareValues(ranked[i]!, s)).toBeGreaterThanOrEqual(0));
    }), RUNS);
  });

  it("a ratio rule is monotone in the figure", () => {
    const rs = ruleset([index("1", [leaf("1.1", 37, { type: "ratio" }, "fraction"), leaf("1.2", 20, { type: "ratio", fullAt: 0.8 }, "fraction")])]);
    const shareArb = fc.tuple(fc.integer({ min: 1, max: 10_000 }), fc.nat(10_000)).map(([b, a]) => [Math.min(a, b), b] as const);
    fc.assert(fc.property(shareArb, shareArb, ([a1, b1], [a2, b2]) => {
      const lowFirst = a1 * b2 <= a2 * b1;
      const [lo, hi] = lowFirst ? [[a1, b1], [a2, b2]] : [[a2, b2], [a1, b1]];
      const f = (a: number, b: number) => ({ kind: "share" as const, value: { n: a, d: b } });
      const result = score(rs, [unit("L", { 1.1: f(lo[0]!, lo[1]!), 1.2: f(lo[0]!, lo[1]!) }), unit("H", { 1.1: f(hi[0]!, hi[1]!), 1.2: f(hi[0]!, hi[1]!) })]);
      const item = (id: string, k: number) => result.units.find((x) => x.unitId === id)!.items[k]!.points;
      expect(item("L", 0)).toBeLessThanOrEqual(item("H", 0));
      expect(item("L", 1)).toBeLessThanOrEqual(item("H", 1));
    }), RUNS);
  });

  describe("đặc thù (an item leaves the unit's maximum)", () => {
    const rs = ruleset([index("1", [
      leaf("1.1", 20, { type: "ratio" }, "percent", { notApplicable: { allowed: true, automaticFor: [] } }),
      leaf("1.2", 30, { type: "ratio" }),
      leaf("1.3", 50, { type: "ratio" }),
    ])]);
    const percentArb = fc.integer({ min: 0, max: 100 });
    const exactValue = (s: UnitScore): [bigint, bigint] => [BigInt(u(s.total)), BigInt(Math.max(1, u(s.applicableMax)))];
    const withAndWithout = (item: number, others: [number, number]) => {
      const before = score(rs, [unit("A", { 1.1: pct(item), 1.2: pct(others[0]), 1.3: pct(others[1]) })]).units[0]!;
      const after = score(rs, [unit("A", { 1.1: { kind: "not_applicable" }, 1.2: pct(others[0]), 1.3: pct(others[1]) })]).units[0]!;
      return { before: exactValue(before), after: exactValue(after) };
    };

    it("never lowers the percentage of a unit that scored at most its own percentage on the item (e.g. zero)", () => {
      fc.assert(fc.property(percentArb, percentArb, percentArb, (item, p2, p3) => {
        const { before, after } = withAndWithout(item, [p2, p3]);
        // The item's share of its max is at most the unit's overall share: removing it cannot lower the share.
        fc.pre(BigInt(item) * before[1] <= before[0] * 100n);
        expect(after[0] * before[1]).toBeGreaterThanOrEqual(before[0] * after[1]);
      }), RUNS);
    });

    it("keeps a unit with full marks everywhere at 100%, and never raises a unit that had full marks on the item", () => {
      fc.assert(fc.property(percentArb, percentArb, (p2, p3) => {
        const { before, after } = withAndWithout(100, [p2, p3]);
        expect(after[0] * before[1]).toBeLessThanOrEqual(before[0] * after[1]);
      }), RUNS);
      const { before, after } = withAndWithout(100, [100, 100]);
      expect([before[0] / before[1], after[0] / after[1]]).toEqual([1n, 1n]);
    });
  });
});
