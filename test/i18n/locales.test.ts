import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "@fluent/syntax";
import { describe, expect, it } from "vitest";
import { createI18n, DEFAULT_LOCALES_DIR, LOCALES } from "../../src/i18n/index.js";
import { parseErrorMessage } from "../../src/i18n/parse-error.js";
import type { IssueCode } from "../../src/rulesets/index.js";
import { describeRule, explainItem, parseFigure, scoreGroup, walk, type ParseError } from "../../src/scoring/index.js";
import { leaf } from "../helpers/builders.js";
import { realCatalog } from "../helpers/real.js";

const i18n = createI18n();

// Exhaustive by type: adding a code without a message fails to compile.
const PARSE_CODES: Record<ParseError["code"], true> = {
  empty: true, not_a_number: true, negative: true, too_long: true, ambiguous_number: true, ambiguous_percent: true,
  not_integer: true, out_of_range: true, zero_denominator: true, numerator_exceeds: true, expected_yes_no: true,
  unknown_choice: true, ambiguous_choice: true, single_choice: true, not_applicable_refused: true, no_input: true,
};
const ISSUE_CODES: Record<IssueCode, true> = {
  yaml_syntax: true, schema: true, unknown_rule_type: true, duplicate_code: true, duplicate_id: true, code_prefix: true,
  max_mismatch: true, total_mismatch: true, missing_in_full: true, rule_input_mismatch: true, rule_invalid: true, rule_unreviewed: true,
  precision: true, band_gap: true, band_order: true, declared_count: true,
};

describe("locales", () => {
  it.each(LOCALES)("%s.ftl parses without junk", (locale) => {
    const resource = parse(readFileSync(join(DEFAULT_LOCALES_DIR, `${locale}.ftl`), "utf8"), {});
    const junk = resource.body.filter((entry) => entry.type === "Junk");
    expect(junk.map((j) => ("content" in j ? j.content : ""))).toEqual([]);
  });

  it("Vietnamese and English have the same messages", () => {
    expect(i18n.keys("en").sort()).toEqual(i18n.keys("vi").sort());
  });

  it("has a message for every key the code names", () => {
    const files = readdirSync(join(import.meta.dirname, "..", "..", "src"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    const named = new Set<string>();
    for (const file of files) {
      const source = readFileSync(join(import.meta.dirname, "..", "..", "src", file), "utf8");
      for (const m of source.matchAll(/\bline\("([a-z0-9-]+)"/g)) named.add(m[1]!);
      for (const m of source.matchAll(/\bt\((?:[a-z.]+, )?"([a-z][a-z0-9]*-[a-z0-9-]+)"/g)) named.add(m[1]!);
    }
    expect(named.size).toBeGreaterThan(100);
    expect([...named].filter((key) => !i18n.has("vi", key) || !i18n.has("en", key))).toEqual([]);
  });

  it("has a message for every parse error and every ruleset problem", () => {
    for (const code of Object.keys(PARSE_CODES)) expect(i18n.has("vi", `parse-${code.replace(/_/g, "-")}`)).toBe(true);
    for (const code of Object.keys(ISSUE_CODES)) expect(i18n.has("vi", `ruleset-issue-${code}`)).toBe(true);
  });

  it("has a message for every explanation and rule description the real rulesets produce", () => {
    const catalog = realCatalog();
    const keys = new Set<string>();
    for (const ruleset of catalog.all.filter((r) => r.completeness === "full")) {
      const outcome = scoreGroup(ruleset, [{ unitId: "A", figures: new Map() }]);
      if (!outcome.ok) continue;
      const nodes = new Map(walk(ruleset).map((n) => [n.code, n]));
      outcome.result.units[0]!.items.forEach((item) => keys.add(explainItem(nodes.get(item.code)!, item).key));
      walk(ruleset).filter((n) => n.rule).forEach((n) => describeRule(n).forEach((e) => keys.add(e.key)));
    }
    expect([...keys].filter((k) => !i18n.has("vi", k) || !i18n.has("en", k))).toEqual([]);
  });
});

describe("explanations read as the department writes them", () => {
  const render = (item: ReturnType<typeof leaf>, text: string, locale: "vi" | "en" = "vi") => {
    const parsed = parseFigure(text, item);
    if (!parsed.ok) throw new Error(parsed.error.code);
    const outcome = scoreGroup({ ...realCatalog().get("minh-hoa-so-nganh")!, indices: [{ ...item, depth: 0, code: item.code, children: [] }] }, [
      { unitId: "A", figures: new Map([[item.code, parsed.figure]]) },
    ]);
    if (!outcome.ok) throw new Error("no score");
    return i18n.explain(locale, explainItem(item, outcome.result.units[0]!.items[0]!));
  };

  it.each([
    [leaf("6.2", 10, { type: "ratio" }), "85%", "6.2: 85% × 10 = 8,5/10"],
    [leaf("4.14", 10, { type: "ratio" }, "fraction"), "394/508", "4.14: 394/508 × 10 = 7,76/10"],
    [leaf("4.2", 20, { type: "ratio", fullAt: 0.8 }), "60%", "4.2: 60% ÷ 80% × 20 = 15/20"],
    [leaf("4.2", 20, { type: "ratio", fullAt: 0.8 }), "90%", "4.2: 90% ≥ 80% (mức đạt điểm tối đa) → 20/20"],
    [leaf("3.5", 10, { type: "yes_no" }, "yes_no"), "có", "3.5: Có → 10/10"],
    [leaf("1.2", 20, { type: "tiers", tiers: [{ atLeast: 4, points: 20 }, { atLeast: 3, points: 15 }] }, "count", { input: { kind: "count", unit: "cuộc họp" } }), "3", "1.2: 3 cuộc họp → mức từ 3 cuộc họp trở lên: 15/20"],
    [leaf("3.2", 5, { type: "per_item", each: 1 }, "count"), "7", "3.2: 7 × 1 vượt mức tối đa → 5/5"],
    [leaf("4.7", 20, { type: "normalise_to_best" }, "money"), "1,5 tỷ", "4.7: 1.500.000.000 ÷ 1.500.000.000 (cao nhất trong nhóm) × 20 = 20/20"],
  ])("%#: %s", (item, text, expected) => {
    expect(render(item, text)).toBe(expected);
  });

  it("speaks English too, with English number formatting", () => {
    expect(render(leaf("6.2", 10, { type: "ratio" }), "85,5%", "en")).toBe("6.2: 85.5% × 10 = 8.55/10");
  });

  it("explains bonus and penalty lines as such", () => {
    expect(render(leaf("7.2", 3, { type: "per_item", each: 1 }, "count", { effect: "penalty" }), "2")).toBe("Điểm trừ — 7.2: 2 × 1 = 2/3");
  });

  it("turns parse errors into specific replies", () => {
    const item = leaf("6.2", 10, { type: "ratio" });
    const reply = (text: string) => {
      const parsed = parseFigure(text, item);
      return parsed.ok ? "" : parseErrorMessage(i18n, "vi", parsed.error);
    };
    expect(reply("1.234")).toBe("“1.234” có thể hiểu là 1,234 hoặc 1.234. Xin vui lòng nhập lại: dùng dấu phẩy cho phần thập phân (ví dụ 1,5) và không dùng dấu chấm cho số nhỏ hơn một nghìn.");
    expect(reply("0,85")).toBe("0,85 là 0,85% hay 85%? Xin vui lòng nhập kèm dấu %, ví dụ 85%.");
    expect(reply("120%")).toBe("120 nằm ngoài khoảng cho phép (từ 0 đến 100).");
  });

  it("formats dates as dd/mm/yyyy in Asia/Ho_Chi_Minh", () => {
    // 17:30 UTC on 31/12 is already 1 January in Vietnam (UTC+7).
    expect(i18n.date("vi", new Date("2025-12-31T17:30:00Z"))).toBe("01/01/2026");
  });
});
