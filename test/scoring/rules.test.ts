import { describe, expect, it } from "vitest";
import { scoreGroup, type Figure, type ItemScore, type Rule, type RulesetNode } from "../../src/scoring/index.js";
import { amount, choice, frac, index, leaf, na, no, pct, ruleset, unit, yes } from "../helpers/builders.js";

/** Score one leaf for unit "A" (plus optional peers for group-relative rules). */
function scoreOne(item: RulesetNode, figure: Figure | undefined, peers: Record<string, Figure> = {}): ItemScore {
  const rs = ruleset([index("1", [item])]);
  const units = [unit("A", figure ? { [item.code]: figure } : {}), ...Object.entries(peers).map(([id, f]) => unit(id, { [item.code]: f }))];
  const outcome = scoreGroup(rs, units);
  if (!outcome.ok) throw new Error("not scored");
  return outcome.result.units.find((u) => u.unitId === "A")!.items[0]!;
}

const levels: Rule = {
  type: "levels",
  levels: [
    { id: "head", label: "Người đứng đầu", aliases: [], points: 10 },
    { id: "deputy", label: "Cấp phó", aliases: [], points: 5 },
    { id: "none", label: "Chưa có", aliases: [], points: 0 },
  ],
};
const parts: Rule = {
  type: "parts",
  parts: [
    { id: "attend", label: "Dự đủ các phiên của tỉnh", aliases: [], points: 5 },
    { id: "chair", label: "Chủ trì họp của huyện", aliases: [], points: 5 },
  ],
};
// dti-research §5.1: 4 → 20, 3 → 15, 2 → 10, 1 → 5, else 0.
const meetings: Rule = {
  type: "tiers",
  tiers: [{ atLeast: 4, points: 20 }, { atLeast: 3, points: 15 }, { atLeast: 2, points: 10 }, { atLeast: 1, points: 5 }],
};

describe("every rule type turns a figure into exact points", () => {
  it.each([
    ["ratio a/b × max (research §6.1: 394/508 meetings)", leaf("4.14", 10, { type: "ratio" }, "fraction"), frac(394, 508), 7.76],
    ["ratio from a percent (6.2: 85% × 10)", leaf("6.2", 10, { type: "ratio" }), pct(85), 8.5],
    ["ratio of 0", leaf("1.1", 10, { type: "ratio" }), pct(0), 0],
    ["ratio of 100%", leaf("1.1", 10, { type: "ratio" }), pct(100), 10],
    ["ratio that rounds half up (2/3 × 10 = 6,666…)", leaf("1.1", 10, { type: "ratio" }, "fraction"), frac(2, 3), 6.67],
    ["ratio 1/8 × 1 = 0,125 rounds to 0,13", leaf("1.1", 1, { type: "ratio" }, "fraction"), frac(1, 8), 0.13],
    ["ratio with full marks at 80%: 60% → 60/80 × 20", leaf("1.1", 20, { type: "ratio", fullAt: 0.8 }), pct(60), 15],
    ["ratio with full marks at 80%: 85% → full", leaf("1.1", 20, { type: "ratio", fullAt: 0.8 }), pct(85), 20],
    ["published index value 0,5934 × 1000", leaf("1", 1000, { type: "ratio" }, "index_value"), { kind: "share", value: { n: 5934, d: 10000 } } as Figure, 593.4],
    ["yes/no: yes", leaf("1.1", 10, { type: "yes_no" }, "yes_no"), yes, 10],
    ["yes/no: no", leaf("1.1", 10, { type: "yes_no" }, "yes_no"), no, 0],
    ["yes/no with its own yes points", leaf("1.1", 10, { type: "yes_no", yesPoints: 7.5 }, "yes_no"), yes, 7.5],
    ["tiers: 4 meetings", leaf("1.1", 20, meetings, "count"), amount(4), 20],
    ["tiers: 6 meetings still the top tier", leaf("1.1", 20, meetings, "count"), amount(6), 20],
    ["tiers: 3 meetings", leaf("1.1", 20, meetings, "count"), amount(3), 15],
    ["tiers: 1 meeting", leaf("1.1", 20, meetings, "count"), amount(1), 5],
    ["tiers: none", leaf("1.1", 20, meetings, "count"), amount(0), 0],
    ["tiers on a percent (≥ 90% → 10)", leaf("1.1", 10, { type: "tiers", tiers: [{ atLeast: 90, points: 10 }, { atLeast: 50, points: 5 }] }), pct(90), 10],
    ["tiers on a percent just below (89,99%)", leaf("1.1", 10, { type: "tiers", tiers: [{ atLeast: 90, points: 10 }, { atLeast: 50, points: 5 }] }), pct(89.99), 5],
    ["levels: head of the committee", leaf("1.1", 10, levels, "choice"), choice("head"), 10],
    ["levels: deputy gets half", leaf("1.1", 10, levels, "choice"), choice("deputy"), 5],
    ["parts: both", leaf("1.2", 10, parts, "choice"), choice("attend", "chair"), 10],
    ["parts: one", leaf("1.2", 10, parts, "choice"), choice("chair"), 5],
    ["parts: none", leaf("1.2", 10, parts, "choice"), choice(), 0],
    ["parts: yes means all parts", leaf("1.2", 10, parts, "choice"), yes, 10],
    ["per item: 3 apps × 1", leaf("3.2", 5, { type: "per_item", each: 1 }, "count"), amount(3), 3],
    ["per item: capped at max", leaf("3.2", 5, { type: "per_item", each: 1 }, "count"), amount(9), 5],
    ["per item: own cap below max", leaf("3.2", 5, { type: "per_item", each: 2, cap: 4 }, "count"), amount(3), 4],
    ["assigned points", leaf("2.3", 5, { type: "assigned" }, "points"), amount(45, 10), 4.5],
  ])("%s", (_name, item, figure, expected) => {
    const score = scoreOne(item, figure);
    expect(score.status).toBe("scored");
    expect(score.points).toBe(expected);
  });

  it("normalises to the best unit in the group", () => {
    const item = leaf("4.7", 20, { type: "normalise_to_best" }, "money");
    expect(scoreOne(item, amount(1_200_000_000), { B: amount(3_000_000_000) }).points).toBe(8);
    expect(scoreOne(item, amount(3_000_000_000), { B: amount(1_200_000_000) }).points).toBe(20);
    expect(scoreOne(item, amount(0), { B: amount(0) }).points).toBe(0);
  });

  it("normalisation ignores units whose item is not applicable", () => {
    const item = leaf("4.7", 20, { type: "normalise_to_best" }, "count", { notApplicable: { allowed: true, automaticFor: [] } });
    // B claims đặc thù, so A is the best in the group.
    const rs = ruleset([index("4", [item])]);
    const outcome = scoreGroup(rs, [unit("A", { 4.7: amount(5) }), unit("B", { 4.7: na })]);
    expect(outcome.ok && outcome.result.units.find((u) => u.unitId === "A")!.items[0]!.points).toBe(20);
  });

  it("a not-scored item is collected but earns nothing and adds nothing to the maximum", () => {
    const info = leaf("6.5", 0, { type: "not_scored" }, "count");
    const rs = ruleset([index("6", [leaf("6.1", 10, { type: "ratio" }), info])]);
    const outcome = scoreGroup(rs, [unit("A", { 6.1: pct(50), 6.5: amount(12) })]);
    if (!outcome.ok) throw new Error("not scored");
    const a = outcome.result.units[0]!;
    expect(a.items[1]).toMatchObject({ status: "not_scored", points: 0, max: 0 });
    expect(a.applicableMax).toBe(10);
    expect(a.missing).toEqual([]);
  });
});

describe("figures the rule cannot use score zero and are listed, never guessed", () => {
  it.each([
    ["a yes/no answer for a ratio", leaf("1.1", 10, { type: "ratio" }), yes, "figure_kind"],
    ["an unknown level", leaf("1.1", 10, levels, "choice"), choice("chairman"), "unknown_option"],
    ["two levels for a one-level item", leaf("1.1", 10, levels, "choice"), choice("head", "deputy"), "figure_kind"],
    ["assigned points above the maximum", leaf("2.3", 5, { type: "assigned" }, "points"), amount(6), "out_of_range"],
    ["đặc thù on an item that does not allow it", leaf("1.1", 10, { type: "ratio" }), na, "not_applicable_refused"],
  ])("%s", (_name, item, figure, reason) => {
    const score = scoreOne(item, figure);
    expect(score).toMatchObject({ status: "invalid", points: 0, detail: { kind: "invalid", reason } });
  });

  it("a missing figure scores zero and is listed as missing", () => {
    const rs = ruleset([index("1", [leaf("1.1", 10, { type: "ratio" }), leaf("1.2", 5, { type: "yes_no" }, "yes_no")])]);
    const outcome = scoreGroup(rs, [unit("A", { 1.2: yes })]);
    if (!outcome.ok) throw new Error("not scored");
    expect(outcome.result.units[0]).toMatchObject({ total: 5, applicableMax: 15, missing: ["1.1"] });
    expect(outcome.result.units[0]!.items[0]).toMatchObject({ status: "missing", points: 0, max: 10 });
  });
});
