import { explainItem, parseFigure, scoreGroup, type Explanation, type Ruleset, type RulesetNode } from "../scoring/index.js";

/** What an officer might type for an item, chosen so the example shows the rule at work. */
function exampleInput(node: RulesetNode): string | null {
  const rule = node.rule;
  if (!rule) return null;
  switch (rule.type) {
    case "ratio":
      if (node.input?.kind === "index_value") return "0,65";
      // Just under the bar shows what happens there: nothing under a floor, the share under a target.
      if (rule.floor !== undefined) return `${Math.round(rule.floor * 100) - 2}%`;
      if (rule.fullAt !== undefined) return `${Math.round(rule.fullAt * 75)}%`;
      return node.input?.kind === "fraction" ? "394/508" : "85%";
    case "yes_no":
      return "có";
    case "tiers": {
      const tier = rule.tiers[Math.min(1, rule.tiers.length - 1)]!;
      return node.input?.kind === "percent" || node.input?.kind === "fraction" ? `${tier.atLeast}%` : String(tier.atLeast);
    }
    case "levels":
      return rule.levels[1]?.label ?? rule.levels[0]!.label;
    case "parts":
      return rule.parts[0]!.label;
    case "per_item":
      return "3";
    case "per_report":
      return `${Math.max(0, rule.reports - 1)}/${rule.reports}`;
    default:
      // Normalised, assigned and collected items have no example that stands on its own.
      return null;
  }
}

/** A worked example: what typing a plausible figure would earn, as the scoring module explains it. */
export function workedExample(ruleset: Ruleset, node: RulesetNode): { input: string; explanation: Explanation } | null {
  const input = exampleInput(node);
  if (!input) return null;
  const parsed = parseFigure(input, node);
  if (!parsed.ok) return null;
  const outcome = scoreGroup(ruleset, [{ unitId: "example", figures: new Map([[node.code, parsed.figure]]) }]);
  if (!outcome.ok) return null;
  const item = outcome.result.units[0]!.items.find((i) => i.code === node.code);
  return item ? { input, explanation: explainItem(node, item) } : null;
}
