import { describe, expect, it } from "vitest";
import { nextClassGap, scoreGroup, whatIf, type GroupResult, type Ruleset, type UnitInput } from "../../src/scoring/index.js";
import { amount, DA_NANG_BANDS, frac, index, leaf, na, pct, ruleset, unit, yes } from "../helpers/builders.js";

function scored(rs: Ruleset, units: UnitInput[], previous?: Parameters<typeof scoreGroup>[2]): GroupResult {
  const outcome = scoreGroup(rs, units, previous);
  if (!outcome.ok) throw new Error("expected a score");
  return outcome.result;
}
const byId = (result: GroupResult, id: string) => result.units.find((u) => u.unitId === id)!;

/** 100 points: 1 (40) = 1.1 ratio 20 + 1.2 yes/no 20; 2 (60) = 2.1 ratio 30 (đặc thù allowed) + 2.2 ratio 30. */
const hundred = ruleset([
  index("1", [leaf("1.1", 20, { type: "ratio" }), leaf("1.2", 20, { type: "yes_no" }, "yes_no")]),
  index("2", [
    leaf("2.1", 30, { type: "ratio" }, "percent", { notApplicable: { allowed: true, automaticFor: ["no_admin_procedures"] } }),
    leaf("2.2", 30, { type: "ratio" }),
  ]),
], { classification: DA_NANG_BANDS });

describe("totals, maxima, values and classes", () => {
  it("adds items into main indices and a total, with values as fractions", () => {
    const a = byId(scored(hundred, [unit("A", { 1.1: pct(85), 1.2: yes, 2.1: pct(50), 2.2: frac(2, 3) })]), "A");
    expect(a.indices.map((i) => [i.code, i.points, i.max, i.value])).toEqual([["1", 37, 40, 0.925], ["2", 35, 60, 0.5833]]);
    expect(a).toMatchObject({ total: 72, applicableMax: 100, value: 0.72, classId: "kha", className: "Khá" });
  });

  it("a đặc thù item leaves the unit's maximum and the unit is compared by percentage", () => {
    // B has no administrative procedures: 2.1 is automatically not applicable.
    const result = scored(hundred, [
      unit("A", { 1.1: pct(100), 1.2: yes, 2.1: pct(60), 2.2: pct(100) }),
      unit("B", { 1.1: pct(100), 1.2: yes, 2.2: pct(100) }, ["no_admin_procedures"]),
    ]);
    expect(byId(result, "B")).toMatchObject({ total: 70, applicableMax: 70, value: 1, rank: 1, classId: "xuat_sac" });
    expect(byId(result, "A")).toMatchObject({ total: 88, applicableMax: 100, value: 0.88, rank: 2, classId: "tot" });
    expect(byId(result, "B").items[2]).toMatchObject({ status: "not_applicable", max: 0 });
  });

  it("a unit may claim đặc thù where the item allows it", () => {
    const b = byId(scored(hundred, [unit("B", { 1.1: pct(90), 1.2: yes, 2.1: { kind: "not_applicable" }, 2.2: pct(90) })]), "B");
    expect(b).toMatchObject({ total: 65, applicableMax: 70, value: 0.9286 });
  });

  it("classifies on the band boundaries exactly (90 is Xuất sắc, 89,99 is Tốt)", () => {
    const rs = ruleset([index("1", [leaf("1.1", 100, { type: "assigned" }, "points")])], { classification: DA_NANG_BANDS });
    const result = scored(rs, [unit("A", { 1.1: amount(90) }), unit("B", { 1.1: amount(8999, 100) }), unit("C", { 1.1: amount(0) })]);
    expect(result.units.map((u) => [u.unitId, u.classId])).toEqual([["A", "xuat_sac"], ["B", "tot"], ["C", "yeu"]]);
  });

  it("sums never drift: 0,1 + 0,2 points make exactly 0,3", () => {
    const rs = ruleset([index("1", [leaf("1.1", 1, { type: "assigned" }, "points"), leaf("1.2", 1, { type: "assigned" }, "points")])]);
    const a = byId(scored(rs, [unit("A", { 1.1: amount(1, 10), 1.2: amount(2, 10) })]), "A");
    expect(a.total).toBe(0.3);
  });

  it("bonus and penalty sit outside the maximum, each within its cap, and the total never goes below zero", () => {
    const rs = ruleset([
      index("1", [leaf("1.1", 10, { type: "ratio" })]),
      index("9", [
        leaf("9.1", 5, { type: "per_item", each: 2 }, "count", { effect: "bonus" }),
        leaf("9.2", 10, { type: "per_item", each: 3 }, "count", { effect: "penalty" }),
      ]),
    ], { adjustments: { bonusCap: 3, penaltyCap: 6 } });
    const result = scored(rs, [
      unit("A", { 1.1: pct(50), 9.1: amount(2) }),
      unit("B", { 1.1: pct(50), 9.2: amount(3) }),
      unit("C", { 1.1: pct(10), 9.2: amount(1) }),
    ]);
    expect(byId(result, "A")).toMatchObject({ basePoints: 5, bonusPoints: 3, penaltyPoints: 0, total: 8, applicableMax: 10 });
    expect(byId(result, "B")).toMatchObject({ basePoints: 5, bonusPoints: 0, penaltyPoints: 6, total: 0 });
    expect(byId(result, "C")).toMatchObject({ total: 0 });
    expect(byId(result, "A").missing).toEqual([]);
    // Main indices hold base points only, so they add up to the base; adjustments are capped on the unit.
    expect(byId(result, "A").indices.map((i) => i.points)).toEqual([5, 0]);
  });

  it("points a reviewer set replace what the rule gives, within 0…max, only where the unit has a figure", () => {
    const base = unit("A", { 1.1: pct(85), 1.2: yes, 2.1: pct(50), 2.2: frac(2, 3) });
    const reviewed = { ...base, pointOverrides: new Map([["1.1", 10], ["2.2", 45], ["2.1", -3]]) };
    const a = byId(scored(hundred, [reviewed]), "A");
    expect(a.items.map((i) => [i.code, i.points])).toEqual([["1.1", 10], ["1.2", 20], ["2.1", 0], ["2.2", 30]]);
    expect(a.items[0]!.detail).toEqual({ kind: "reviewed_points" });
    expect(a.total).toBe(60);
    // No figure, no points: an override does not invent a submission.
    const missing = byId(scored(hundred, [{ ...unit("B", { 1.2: yes }), pointOverrides: new Map([["1.1", 20]]) }]), "B");
    expect(missing.items[0]).toMatchObject({ code: "1.1", status: "missing", points: 0 });
  });

  it("a structure ruleset refuses to score", () => {
    const outcome = scoreGroup(ruleset([index("1", [])], { completeness: "structure", id: "s" }), [unit("A", {})]);
    expect(outcome).toEqual({ ok: false, reason: "structure_only", rulesetId: "s" });
  });
});

describe("ranking", () => {
  const rs = ruleset([index("1", [leaf("1.1", 100, { type: "assigned" }, "points")])]);
  const group = (points: Record<string, number>) => Object.entries(points).map(([id, p]) => unit(id, { 1.1: amount(p) }));

  it("ties share a rank and the next rank skips (1, 2, 2, 4)", () => {
    const result = scored(rs, group({ A: 70, B: 90, C: 70, D: 50 }));
    expect(result.units.map((u) => [u.unitId, u.rank])).toEqual([["B", 1], ["A", 2], ["C", 2], ["D", 4]]);
  });

  it("reports the rank change and the items that moved it", () => {
    const two = ruleset([index("1", [leaf("1.1", 50, { type: "assigned" }, "points"), leaf("1.2", 50, { type: "assigned" }, "points")])]);
    const before = scored(two, [unit("A", { 1.1: amount(40), 1.2: amount(40) }), unit("B", { 1.1: amount(20), 1.2: amount(30) })]);
    const previous = before.units.map((u) => ({ unitId: u.unitId, rank: u.rank, total: u.total, items: u.items }));
    const after = scored(two, [unit("A", { 1.1: amount(40), 1.2: amount(40) }), unit("B", { 1.1: amount(45), 1.2: amount(40) })], { previous });
    expect(byId(after, "B").change).toEqual({
      previousRank: 2, places: 1, previousTotal: 50, totalDelta: 35,
      movers: [{ code: "1.1", delta: 25 }, { code: "1.2", delta: 10 }],
    });
    expect(byId(after, "A").change).toMatchObject({ previousRank: 1, places: -1, totalDelta: 0, movers: [] });
  });

  it("a unit new to the group has no change; without a previous result there is none at all", () => {
    const result = scored(rs, group({ A: 10 }), { previous: [] });
    expect(result.units[0]!.change).toBeNull();
  });
});

describe("gap to the next class", () => {
  const rs = ruleset([
    index("1", [leaf("1.1", 30, { type: "ratio" }), leaf("1.2", 20, { type: "ratio" }), leaf("1.3", 10, { type: "yes_no" }, "yes_no")]),
    index("2", [leaf("2.1", 40, { type: "ratio" })]),
  ], { classification: DA_NANG_BANDS });

  it("names the fewest items whose improvement reaches the next class", () => {
    const a = byId(scored(rs, [unit("A", { 1.1: pct(80), 1.2: pct(50), 2.1: pct(100) })]), "A");
    // 24 + 10 + 40 = 74 (Khá); Tốt needs 80. 1.2 and 1.3 both gain 10; the missing one is named first.
    expect(a.total).toBe(74);
    const gap = nextClassGap(rs, a)!;
    expect(gap.target.id).toBe("tot");
    expect(gap.pointsNeeded).toBe(6);
    expect(gap.items).toHaveLength(1);
    expect(gap.items[0]).toMatchObject({ code: "1.3", gain: 10, missing: true });
    expect(gap.reachable).toBe(true);
  });

  it("takes several items when one is not enough, largest gains first", () => {
    const a = byId(scored(rs, [unit("A", { 1.1: pct(50), 1.2: pct(50), 1.3: yes, 2.1: pct(50) })]), "A");
    // 15 + 10 + 10 + 20 = 55 (Trung bình) → 60 needs 5: 2.1 alone (gain 20).
    expect(nextClassGap(rs, a)!.items.map((i) => i.code)).toEqual(["2.1"]);
    const b = byId(scored(rs, [unit("B", {})]), "B");
    // 0 → Trung bình needs 50: 2.1 (40) + 1.1 (30).
    expect(nextClassGap(rs, b)).toMatchObject({ target: { id: "trung_binh" }, pointsNeeded: 50 });
    expect(nextClassGap(rs, b)!.items.map((i) => i.code)).toEqual(["2.1", "1.1"]);
  });

  it("is null at the top class and for rulesets without classes", () => {
    const top = byId(scored(rs, [unit("A", { 1.1: pct(100), 1.2: pct(100), 1.3: yes, 2.1: pct(100) })]), "A");
    expect(nextClassGap(rs, top)).toBeNull();
    const plain = ruleset([index("1", [leaf("1.1", 10, { type: "ratio" })])]);
    expect(nextClassGap(plain, byId(scored(plain, [unit("A", {})]), "A"))).toBeNull();
  });
});

describe("what-if", () => {
  it("rescores the group with changed figures and reports the effect", () => {
    const rs = ruleset([index("1", [leaf("1.1", 50, { type: "ratio" }), leaf("1.2", 50, { type: "normalise_to_best" }, "count")])]);
    const units = [unit("A", { 1.1: pct(50), 1.2: amount(2) }), unit("B", { 1.1: pct(80), 1.2: amount(4) })];
    // A's 8 becomes the best, so B's normalised points drop too: the whole group is rescored.
    const outcome = whatIf(rs, units, "A", new Map([["1.2", amount(8)]]));
    if (!outcome.ok) throw new Error("what-if failed");
    expect(outcome.whatIf.before).toMatchObject({ total: 50, rank: 2 });
    expect(outcome.whatIf.after).toMatchObject({ total: 75, rank: 1 });
    expect(outcome.whatIf.moves).toEqual([{ code: "1.2", delta: 25 }]);
    expect(outcome.whatIf).toMatchObject({ places: 1, totalDelta: 25 });
  });

  it("a null change removes the figure", () => {
    const rs = ruleset([index("1", [leaf("1.1", 50, { type: "ratio" })])]);
    const outcome = whatIf(rs, [unit("A", { 1.1: pct(50) })], "A", new Map([["1.1", null]]));
    expect(outcome.ok && outcome.whatIf.after).toMatchObject({ total: 0, missing: ["1.1"] });
  });

  it("refuses an unknown unit", () => {
    expect(whatIf(hundred, [], "X", new Map())).toEqual({ ok: false, reason: "unknown_unit" });
  });
});

describe("regressions found in review", () => {
  it("a bonus cap holds in index values and through a merger", () => {
    const rs = ruleset([index("1", [leaf("1.1", 10, { type: "ratio" }), leaf("1.2", 10, { type: "per_item", each: 1 }, "count", { effect: "bonus" })])], {
      adjustments: { bonusCap: 2, penaltyCap: null },
    });
    const result = scored(rs, [unit("A", { 1.1: pct(50), 1.2: amount(8) }), unit("B", { 1.1: pct(50) })], { mergers: [{ unitId: "M", from: ["A", "B"] }] });
    const m = byId(result, "M");
    // A: 5 + min(8, 2) = 7; B: 5. M: index 1 = 5/10, bonus = mean(2, 0) = 1 → 6.
    expect(m).toMatchObject({ basePoints: 5, bonusPoints: 1, total: 6 });
    expect(m.indices[0]).toMatchObject({ points: 5, value: 0.5 });
  });

  it("a what-if on a merger's predecessor answers unknown unit instead of crashing", () => {
    const rs = ruleset([index("1", [leaf("1.1", 10, { type: "ratio" })])]);
    const outcome = whatIf(rs, [unit("A", {}), unit("B", {})], "A", new Map([["1.1", pct(50)]]), { mergers: [{ unitId: "M", from: ["A", "B"] }] });
    expect(outcome).toEqual({ ok: false, reason: "unknown_unit" });
  });

  it("automatic đặc thù does not let other units claim it when claims are not allowed", () => {
    const rs = ruleset([index("1", [leaf("1.1", 10, { type: "ratio" }, "percent", { notApplicable: { allowed: false, automaticFor: ["tag"] } })])]);
    const result = scored(rs, [unit("X", { 1.1: na }), unit("T", {}, ["tag"])]);
    expect(byId(result, "X").items[0]).toMatchObject({ status: "invalid", detail: { reason: "not_applicable_refused" } });
    expect(byId(result, "T").items[0]).toMatchObject({ status: "not_applicable" });
  });

  it("the class gap counts the climb out of penalties when the total is held at zero", () => {
    const rs = ruleset([
      index("1", [leaf("1.1", 50, { type: "ratio" }), leaf("1.2", 50, { type: "ratio" })]),
      index("9", [leaf("9.1", 100, { type: "per_item", each: 100 }, "count", { effect: "penalty" })]),
    ], { classification: DA_NANG_BANDS });
    const a = byId(scored(rs, [unit("A", { 1.1: pct(0), 1.2: pct(0), 9.1: amount(1) })]), "A");
    expect(a.total).toBe(0);
    const gap = nextClassGap(rs, a)!;
    expect(gap).toMatchObject({ target: { id: "trung_binh" }, pointsNeeded: 150, reachable: false });
  });
});

describe("merged units", () => {
  it("a unit formed by merger gets the mean of its predecessors' main-index values", () => {
    const rs = ruleset([index("1", [leaf("1", 100, { type: "ratio" }, "index_value")]), index("2", [leaf("2.1", 200, { type: "ratio" }, "index_value")])]);
    const v = (n: number) => ({ kind: "share" as const, value: { n, d: 10000 } });
    const result = scored(rs, [unit("A", { 1: v(6000), 2.1: v(5000) }), unit("B", { 1: v(8000), 2.1: v(7500) }), unit("Z", { 1: v(5000), 2.1: v(5000) })], {
      mergers: [{ unitId: "AB", from: ["A", "B"] }],
    });
    expect(result.units.map((u) => u.unitId)).toEqual(["AB", "Z"]);
    const ab = byId(result, "AB");
    // Index 1: (0,6 + 0,8) / 2 = 0,7 → 70/100; index 2: (0,5 + 0,75) / 2 = 0,625 → 125/200.
    expect(ab.indices.map((i) => [i.points, i.value])).toEqual([[70, 0.7], [125, 0.625]]);
    expect(ab).toMatchObject({ total: 195, applicableMax: 300, value: 0.65, mergedFrom: ["A", "B"], rank: 1 });
  });

  it("a merged unit listed in the group with no figures of its own appears once, as the merger", () => {
    const rs = ruleset([index("1", [leaf("1.1", 10, { type: "ratio" })])]);
    const result = scored(rs, [unit("A", { 1.1: pct(50) }), unit("AB", {})], { mergers: [{ unitId: "AB", from: ["A"] }] });
    expect(result.units.map((u) => [u.unitId, u.total])).toEqual([["AB", 5]]);
  });
});

describe("merged predecessors and what-if keep penalties signed", () => {
  it("a penalty that grows shows as a negative move", () => {
    const rs = ruleset([index("1", [leaf("1.1", 10, { type: "ratio" }), leaf("1.2", 5, { type: "per_item", each: 1 }, "count", { effect: "penalty" })])]);
    const outcome = whatIf(rs, [unit("A", { 1.1: pct(100) })], "A", new Map([["1.2", amount(2)]]));
    expect(outcome.ok && outcome.whatIf.moves).toEqual([{ code: "1.2", delta: -2 }]);
    expect(outcome.ok && outcome.whatIf.totalDelta).toBe(-2);
  });

  it("ignores a đặc thù claim that gives no gain", () => {
    const a = byId(scored(hundred, [unit("A", { 2.1: na })]), "A");
    expect(a.applicableMax).toBe(70);
  });
});
