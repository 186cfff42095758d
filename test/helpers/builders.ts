import { q, type Figure, type Rule, type Ruleset, type RulesetNode, type UnitInput } from "../../src/scoring/index.js";

type NodeOptions = Partial<Omit<RulesetNode, "code" | "children">> & { children?: RulesetNode[] };

/** A ruleset node with sensible defaults for tests. */
export function node(code: string, options: NodeOptions = {}): RulesetNode {
  return {
    code,
    name: options.name ?? `Item ${code}`,
    depth: code.split(".").length - 1,
    evidenceRequired: false,
    keywords: [],
    synonyms: [],
    maxPoints: null,
    effect: "base",
    notApplicable: { allowed: false, automaticFor: [] },
    inferred: false,
    ...options,
    children: options.children ?? [],
  };
}

/** A scored leaf: `leaf("1.1", 10, { type: "ratio" }, "percent")`. */
export function leaf(code: string, max: number, rule: Rule, input: NonNullable<RulesetNode["input"]>["kind"] = "percent", options: NodeOptions = {}): RulesetNode {
  return node(code, { maxPoints: max, rule, input: { kind: input }, ...options });
}

/** A main index holding leaves; its max is their base sum. */
export function index(code: string, children: RulesetNode[], options: NodeOptions = {}): RulesetNode {
  const max = children.filter((c) => c.effect === "base").reduce((a, c) => a + (c.maxPoints ?? 0), 0);
  return node(code, { maxPoints: max, children, ...options });
}

/** A full ruleset around the given indices; total = sum of base index maxima. */
export function ruleset(indices: RulesetNode[], options: Partial<Ruleset> = {}): Ruleset {
  const total = indices.filter((i) => i.effect === "base").reduce((a, i) => a + (i.maxPoints ?? 0), 0);
  return {
    id: "test",
    title: "Test ruleset",
    province: { code: "test", name: "Test" },
    decision: null,
    version: "1",
    unitKinds: ["department"],
    totalPoints: total,
    completeness: "full",
    illustrative: true,
    draft: false,
    historical: false,
    declared: {},
    sources: [],
    notes: [],
    indices,
    classification: null,
    rounding: { digits: 2, valueDigits: 4, mode: "half_up" },
    adjustments: { bonusCap: null, penaltyCap: null },
    process: { deadlines: [], notes: [] },
    ...options,
  };
}

/** The Đà Nẵng 2901 bands (100 scale). */
export const DA_NANG_BANDS: Ruleset["classification"] = {
  scale: 100,
  bands: [
    { id: "xuat_sac", name: "Xuất sắc", from: 90 },
    { id: "tot", name: "Tốt", from: 80, below: 90 },
    { id: "kha", name: "Khá", from: 70, below: 80 },
    { id: "trung_binh_kha", name: "Trung bình khá", from: 60, below: 70 },
    { id: "trung_binh", name: "Trung bình", from: 50, below: 60 },
    { id: "yeu", name: "Yếu", from: 0, below: 50 },
  ],
};

export const pct = (percent: number): Figure => {
  const scale = 1e6;
  return { kind: "share", value: q(Math.round(percent * scale), 100 * scale) };
};
export const frac = (a: number, b: number): Figure => ({ kind: "share", value: q(a, b), a, b });
export const amount = (n: number, d = 1): Figure => ({ kind: "amount", value: q(n, d) });
export const yes: Figure = { kind: "yes_no", yes: true };
export const no: Figure = { kind: "yes_no", yes: false };
export const choice = (...ids: string[]): Figure => ({ kind: "choice", ids });
export const na: Figure = { kind: "not_applicable" };

/** A unit input from a plain object of figures. */
export function unit(unitId: string, figures: Record<string, Figure>, tags?: string[]): UnitInput {
  return { unitId, figures: new Map(Object.entries(figures)), ...(tags && { tags }) };
}
