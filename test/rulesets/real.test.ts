import { describe, expect, it } from "vitest";
import { parseFigure, scoreGroup, walk, type Figure, type Ruleset } from "../../src/scoring/index.js";
import { realCatalog } from "../helpers/real.js";

const catalog = realCatalog();
const get = (id: string): Ruleset => {
  const ruleset = catalog.get(id);
  if (!ruleset) throw new Error(`missing ruleset ${id}`);
  return ruleset;
};
const leaves = (r: Ruleset) => walk(r).filter((n) => n.children.length === 0 && n.rule);
const parse = (r: Ruleset, code: string, text: string): Figure => {
  const result = parseFigure(text, catalog.item(r.id, code)!);
  if (!result.ok) throw new Error(`${code} ${text}: ${result.error.code}`);
  return result.figure;
};

describe("national provincial DTI (922/QĐ-BTTTT) at main-index level", () => {
  const dti = get("quoc-gia-922-tinh");

  it("has the published structure: 9 main indices, 98 sub-indicators, 1000 points", () => {
    expect(dti.decision).toMatchObject({ number: "922/QĐ-BTTTT", date: "2022-05-20" });
    expect(dti.indices.map((i) => [i.code, i.maxPoints, i.declaredChildren])).toEqual([
      ["1", 100, 10], ["2", 100, 11], ["3", 100, 7], ["4", 100, 13], ["5", 100, 12], ["6", 0, 3], ["7", 200, 22], ["8", 150, 12], ["9", 150, 8],
    ]);
    expect(dti.totalPoints).toBe(1000);
    expect(dti.declared).toEqual({ mainIndices: 9, subIndicators: 98 });
  });

  it("recomputes a DTI from published main-index values (593,4 points = 0,5934)", () => {
    const values = { 1: "0,7", 2: "0,6", 3: "0,55", 4: "0,5", 5: "0,65", 6: "0,3", 7: "0,6", 8: "0,5", 9: "0,656" };
    const figures = new Map(Object.entries(values).map(([code, text]) => [code, parse(dti, code, text)]));
    const outcome = scoreGroup(dti, [{ unitId: "Ninh Thuận", figures }]);
    expect(outcome.ok && outcome.result.units[0]).toMatchObject({ total: 593.4, applicableMax: 1000, value: 0.5934 });
    expect(outcome.ok && outcome.result.units[0]!.items[5]).toMatchObject({ code: "6", status: "not_scored", points: 0 });
  });
});

describe("Tây Ninh commune list, 2025 cycle", () => {
  const tn = get("tay-ninh-2025-xa");

  it("has 62 scored items in 6 groups adding up to 960", () => {
    expect(leaves(tn)).toHaveLength(62);
    expect(tn.indices.map((i) => i.maxPoints)).toEqual([80, 100, 100, 520, 80, 80]);
    expect(tn.totalPoints).toBe(960);
    expect(catalog.item(tn.id, "4.22")!.children.map((c) => c.code)).toHaveLength(11);
  });

  it("marks every rule as inferred from the wording and names no decision", () => {
    expect(leaves(tn).every((n) => n.inferred)).toBe(true);
    expect(tn.decision).toBeNull();
  });

  it("scores the research's worked example: 394/508 paperless meetings → 7,76/10", () => {
    const outcome = scoreGroup(tn, [{ unitId: "Cần Giuộc", figures: new Map([["4.14", parse(tn, "4.14", "394/508")]]) }]);
    expect(outcome.ok && outcome.result.units[0]!.items.find((i) => i.code === "4.14")!.points).toBe(7.76);
  });
});

describe("seed provinces, as far as their public texts go", () => {
  it.each([
    ["ninh-binh-733-so", 405, 6], ["ninh-binh-733-huyen", 765, 8], ["ninh-binh-733-xa", 551, 8],
  ])("Ninh Bình %s: %i points, %i main indices, structure only", (id, total, indices) => {
    const r = get(id);
    expect(r).toMatchObject({ totalPoints: total, completeness: "structure", decision: { number: "733/QĐ-UBND", date: "2022-08-15" } });
    expect(r.indices).toHaveLength(indices);
  });

  it.each([
    ["bac-giang-2937-so", 6, 41], ["bac-giang-2937-huyen", 8, 63], ["bac-giang-2937-xa", 8, 40],
  ])("Bắc Giang %s: 1000 points, %i main / %i sub-indicators", (id, main, sub) => {
    expect(get(id)).toMatchObject({ totalPoints: 1000, completeness: "structure", declared: { mainIndices: main, subIndicators: sub } });
    expect(get(id).process.dataWindow).toEqual({ from: { day: 15, month: 10, yearOffset: -1 }, to: { day: 15, month: 10, yearOffset: 0 } });
  });

  it("Quảng Ninh QN_DTI 1.0 and Ninh Thuận name their decisions and no invented totals", () => {
    expect(get("quang-ninh-qn-dti-1-0")).toMatchObject({ version: "1.0", totalPoints: null, decision: { number: "311/QĐ-UBND", signer: "Bùi Văn Khắng" } });
    expect(get("ninh-thuan-852")).toMatchObject({ totalPoints: null, decision: { number: "852/QĐ-UBND", date: "2022-07-08" } });
  });

  it("Đà Nẵng 2901 has four groups with the published bands and đặc thù for units without procedures", () => {
    const ids = ["da-nang-2901-so-nganh", "da-nang-2901-co-quan-tw", "da-nang-2901-quan-huyen", "da-nang-2901-phuong-xa"];
    for (const id of ids) {
      expect(get(id).classification!.bands.map((b) => [b.name, b.from])).toEqual([
        ["Xuất sắc", 90], ["Tốt", 80], ["Khá", 70], ["Trung bình khá", 60], ["Trung bình", 50], ["Yếu", 0],
      ]);
      expect(get(id).decision).toMatchObject({ number: "2901/QĐ-UBND", date: "2023-12-27", signer: "Lê Quang Nam" });
    }
    expect(get("da-nang-2901-phuong-xa").indices.map((i) => i.name)).toContain("Xã hội số");
    expect(get("da-nang-2901-so-nganh").indices.map((i) => i.name)).not.toContain("Xã hội số");
    expect(catalog.item("da-nang-2901-so-nganh", "6")!.notApplicable.automaticFor).toEqual(["khong_co_tthc"]);
  });

  it("structure rulesets refuse to score", () => {
    const outcome = scoreGroup(get("da-nang-2901-so-nganh"), [{ unitId: "Sở Y tế", figures: new Map() }]);
    expect(outcome).toEqual({ ok: false, reason: "structure_only", rulesetId: "da-nang-2901-so-nganh" });
  });
});

describe("the illustrative department set", () => {
  const demo = get("minh-hoa-so-nganh");

  it("is labelled illustrative and uses every rule type", () => {
    expect(demo.illustrative).toBe(true);
    expect(new Set(leaves(demo).map((n) => n.rule!.type))).toEqual(new Set([
      "ratio", "yes_no", "tiers", "levels", "parts", "per_item", "normalise_to_best", "not_scored", "assigned",
    ]));
    expect(leaves(demo).some((n) => n.effect === "bonus") && leaves(demo).some((n) => n.effect === "penalty")).toBe(true);
    expect(leaves(demo).some((n) => n.notApplicable.automaticFor.length > 0)).toBe(true);
  });

  it("gives the issue's example line: 6.2 at 85% earns 8,5/10", () => {
    const outcome = scoreGroup(demo, [{ unitId: "Sở Y tế", figures: new Map([["6.2", parse(demo, "6.2", "85%")]]) }]);
    expect(outcome.ok && outcome.result.units[0]!.items.find((i) => i.code === "6.2")!.points).toBe(8.5);
  });
});

describe("the words people use for each item", () => {
  it("every item of every shipped full ruleset has synonyms (how officers name it), so questions in their own words find it", () => {
    for (const ruleset of realCatalog().all.filter((r) => r.completeness === "full")) {
      expect(walk(ruleset).filter((n) => n.synonyms.length === 0).map((n) => `${ruleset.id} ${n.code}`)).toEqual([]);
    }
  });
});
