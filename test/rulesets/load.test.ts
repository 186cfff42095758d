import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue, loadRulesetFile, loadRulesets, loadRulesetsOrThrow, RulesetError } from "../../src/rulesets/index.js";

const BAD = join(import.meta.dirname, "..", "fixtures", "rulesets-bad");

describe("ruleset loader", () => {
  it("reports every problem of a file at once, each with file, line, path and reason", () => {
    const { ruleset, issues } = loadRulesetFile(join(BAD, "many-problems.yaml"), { displayName: "many-problems.yaml", locale: "en" });
    expect(ruleset).toBeNull();
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "many-problems.yaml:39 indices[1].children[0].rule.type: unknown rule type "percentage_of_best"; known types: ratio, yes_no, tiers, levels, parts, per_item, per_report, normalise_to_best, not_scored, assigned",
        "many-problems.yaml:19 indices[0].max: the maxima under item 1 add up to 35, but item 1 declares 40",
        "many-problems.yaml:26 indices[0].children[1].code: code 1.1 is used twice",
        "many-problems.yaml:8 totalPoints: the main indices add up to 90, but totalPoints is 100",
        "many-problems.yaml:14 classification.bands[1]: nothing covers 75 to 80 between bands Khá and Tốt",
      ]
    `);
  });

  it("reports YAML syntax errors with their line", () => {
    const { issues } = loadRulesetFile(join(BAD, "syntax.yaml"), { displayName: "syntax.yaml" });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "yaml_syntax", file: "syntax.yaml", line: 2 });
    expect(issues[0]!.message).toMatch(/unique/);
  });

  it("reports every schema problem, in Vietnamese by default", () => {
    const { issues } = loadRulesetFile(join(BAD, "schema.yaml"), { displayName: "schema.yaml" });
    const paths = issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["id", "province.name", "decision", "version", "unitKinds.0", "totalPoints", "completeness"]));
    expect(issues.every((i) => i.code === "schema")).toBe(true);
    expect(issues.find((i) => i.path.join(".") === "province.name")!.params["detail"]).toMatch(/[ạảãáàâăđêôơưệộ]/);
  });

  it("start-up loading throws one error listing every problem of every file", () => {
    expect(() => loadRulesetsOrThrow(BAD)).toThrow(RulesetError);
    try {
      loadRulesetsOrThrow(BAD);
    } catch (error) {
      const files = new Set((error as RulesetError).issues.map((i) => i.file.split("/").pop()));
      expect(files).toEqual(new Set(["many-problems.yaml", "syntax.yaml", "schema.yaml", "rule-problems.yaml", "typos.yaml", "bands.yaml"]));
    }
  });

  it("loads every ruleset shipped in rulesets/ without a problem", () => {
    const { rulesets, issues } = loadRulesets(join(import.meta.dirname, "..", "..", "rulesets"));
    expect(issues.map(formatIssue)).toEqual([]);
    expect(rulesets.length).toBeGreaterThanOrEqual(15);
  });
});

describe("rule checks", () => {
  it("names each rule problem with its item", () => {
    const { issues } = loadRulesetFile(join(BAD, "rule-problems.yaml"), { displayName: "rule-problems.yaml", locale: "en" });
    expect(issues.map((i) => [i.code, i.params["code"]])).toEqual([
      ["rule_input_mismatch", "1.1"],
      ["rule_invalid", "1.2"],
      ["rule_invalid", "1.3"],
      ["rule_invalid", "1.3"],
      ["precision", "1.4"],
      ["code_prefix", "2.5"],
      ["missing_in_full", "1.6"],
    ]);
    expect(issues.every((i) => i.line !== undefined)).toBe(true);
  });
});

describe("problems that used to hide others", () => {
  it("a typo'd key and a bad band id do not hide the arithmetic problems", () => {
    const { issues } = loadRulesetFile(join(BAD, "typos.yaml"), { displayName: "typos.yaml", locale: "en" });
    expect(issues.map((i) => `${i.line} ${i.code} ${i.path.join(".")}`)).toEqual([
      "14 schema classification.bands.0.id",
      "24 schema indices.0.children.0.evidenceRequierd",
      "20 rule_invalid indices.0.effect",
      "19 max_mismatch indices.0.max",
      "28 rule_invalid indices.0.children.0.rule",
    ]);
  });

  it("reports duplicate band ids and bands above the scale", () => {
    const { issues } = loadRulesetFile(join(BAD, "bands.yaml"), { displayName: "bands.yaml", locale: "en" });
    expect(issues.map((i) => i.message)).toEqual(expect.arrayContaining([
      "band Tốt starts at 120, above the scale 100",
      "band id tot is used twice",
    ]));
  });
});
