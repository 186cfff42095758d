import type { ItemScore } from "./results.js";
import type { Figure, Rule, RulesetNode } from "./types.js";

/**
 * A message key with its arguments. The scoring module states what happened;
 * `src/i18n` turns it into Vietnamese or English (locales/*.ftl), e.g.
 * `explain-ratio-percent` → "6.2: 85% × 10 = 8,5/10".
 */
export interface Explanation {
  readonly key: string;
  readonly args: Readonly<Record<string, string | number>>;
}

/** "%" for shares, " cuộc họp" for a named unit, "" for none: appended to a number. */
function unitSuffix(node: RulesetNode): string {
  const kind = node.input?.kind;
  if (kind === "percent" || kind === "fraction") return "%";
  return node.input?.unit ? ` ${node.input.unit}` : "";
}

const percentOf = (figure: Figure): number =>
  figure.kind === "share" ? (figure.value.n * 100) / figure.value.d : figure.kind === "amount" ? figure.value.n / figure.value.d : 0;

function optionLabels(rule: Rule, ids: readonly string[]): string {
  const options = rule.type === "levels" ? rule.levels : rule.type === "parts" ? rule.parts : [];
  return ids.map((id) => options.find((o) => o.id === id)?.label ?? id).join("; ");
}

function scoredExplanation(node: RulesetNode, score: ItemScore, figure: Figure): Explanation {
  const rule = node.rule!;
  const base = { code: score.code, points: score.points, max: score.max, effect: score.effect };
  const detail = score.detail;
  switch (rule.type) {
    case "ratio": {
      if (node.input?.kind === "index_value") return { key: "explain-index-value", args: { ...base, value: percentOf(figure) / 100 } };
      const percent = percentOf(figure);
      if (figure.kind === "share" && figure.b === 0) return { key: "explain-ratio-no-cases", args: base };
      if (rule.floor !== undefined && percent < rule.floor * 100) {
        return { key: "explain-ratio-below-floor", args: { ...base, percent, floor: rule.floor * 100 } };
      }
      if (rule.fullAt !== undefined && rule.below === "ratio") {
        return { key: "explain-ratio-threshold", args: { ...base, percent, target: rule.fullAt * 100, reached: score.points === score.max ? "yes" : "no" } };
      }
      if (rule.fullAt !== undefined) {
        return { key: "explain-ratio-target", args: { ...base, percent, target: rule.fullAt * 100, reached: score.points === score.max ? "yes" : "no" } };
      }
      if (figure.kind === "share" && figure.a !== undefined && figure.b !== undefined) {
        return { key: "explain-ratio-fraction", args: { ...base, a: figure.a, b: figure.b } };
      }
      return { key: "explain-ratio-percent", args: { ...base, percent } };
    }
    case "yes_no":
      return { key: "explain-yes-no", args: { ...base, answer: figure.kind === "yes_no" && figure.yes ? "yes" : "no" } };
    case "tiers": {
      const atLeast = detail?.kind === "tier" ? detail.atLeast : null;
      const value = percentOf(figure);
      const unit = unitSuffix(node);
      return atLeast === null
        ? { key: "explain-tier-none", args: { ...base, value, unit } }
        : { key: "explain-tier", args: { ...base, value, unit, atLeast } };
    }
    case "levels":
    case "parts": {
      const ids = detail?.kind === "options" ? detail.ids : [];
      return { key: "explain-options", args: { ...base, labels: ids.length ? optionLabels(rule, ids) : "-", count: ids.length } };
    }
    case "per_report": {
      const a = figure.kind === "share" ? figure.a ?? 0 : 0;
      const b = figure.kind === "share" ? figure.b ?? 0 : 0;
      return { key: "explain-per-report", args: { ...base, onTime: a, late: b - a, missing: Math.max(0, rule.reports - b) } };
    }
    case "per_item":
      return {
        key: "explain-per-item",
        args: { ...base, count: percentOf(figure), each: rule.each, capped: detail?.kind === "per_item" && detail.capped ? "yes" : "no" },
      };
    case "normalise_to_best":
      return {
        key: "explain-normalised",
        args: { ...base, value: percentOf(figure), best: detail?.kind === "normalised" ? detail.best : 0 },
      };
    case "assigned":
      return { key: "explain-assigned", args: base };
    case "not_scored":
      return { key: "explain-not-scored", args: base };
  }
}

/** One line saying how an item's points came about. */
export function explainItem(node: RulesetNode, score: ItemScore): Explanation {
  const base = { code: score.code, points: score.points, max: score.max, effect: score.effect };
  switch (score.status) {
    case "missing":
      return { key: "explain-missing", args: base };
    case "not_applicable":
      return { key: "explain-not-applicable", args: base };
    case "not_scored":
      return { key: "explain-not-scored", args: base };
    case "invalid":
      return { key: "explain-invalid", args: { ...base, reason: score.detail?.kind === "invalid" ? score.detail.reason : "figure_kind" } };
    case "scored":
      return scoredExplanation(node, score, score.figure!);
  }
}

/** The rule of an item in words: one line per explanation, in order. */
export function describeRule(node: RulesetNode): Explanation[] {
  const rule = node.rule;
  const max = node.maxPoints ?? 0;
  const unit = unitSuffix(node);
  const lines: Explanation[] = [];
  if (!rule) return [{ key: "rule-not-public", args: {} }];
  switch (rule.type) {
    case "ratio":
      if (node.input?.kind === "index_value") lines.push({ key: "rule-index-value", args: { max } });
      else if (rule.floor === 1) lines.push({ key: "rule-all-or-nothing", args: { max } });
      else if (rule.fullAt !== undefined && rule.below === "ratio") lines.push({ key: "rule-ratio-threshold", args: { max, target: rule.fullAt * 100 } });
      else if (rule.fullAt !== undefined) lines.push({ key: "rule-ratio-target", args: { max, target: rule.fullAt * 100 } });
      else lines.push({ key: "rule-ratio", args: { max } });
      if (rule.floor !== undefined && rule.floor < 1) lines.push({ key: "rule-ratio-floor", args: { floor: rule.floor * 100 } });
      if (rule.emptyFull) lines.push({ key: "rule-empty-full", args: { max } });
      break;
    case "per_report":
      lines.push({ key: "rule-per-report", args: { max, reports: rule.reports, onTime: rule.onTime, late: rule.late } });
      break;
    case "yes_no":
      lines.push({ key: "rule-yes-no", args: { max, yes: rule.yesPoints ?? max } });
      break;
    case "tiers":
      lines.push({ key: "rule-tiers", args: { max } });
      rule.tiers.forEach((t) => lines.push({ key: "rule-tier", args: { atLeast: t.atLeast, unit, points: t.points } }));
      break;
    case "levels":
    case "parts":
      lines.push({ key: rule.type === "levels" ? "rule-levels" : rule.proportional ? "rule-parts-share" : "rule-parts", args: { max } });
      (rule.type === "levels" ? rule.levels : rule.parts).forEach((o, i) => lines.push(rule.type === "parts" && rule.proportional
        ? { key: "rule-option-plain", args: { n: i + 1, label: o.label } }
        : { key: "rule-option", args: { n: i + 1, label: o.label, points: o.points } }));
      break;
    case "per_item":
      lines.push({ key: "rule-per-item", args: { each: rule.each, cap: Math.min(rule.cap ?? max, max), unit: node.input?.unit ?? "none", effect: node.effect } });
      break;
    case "normalise_to_best":
      lines.push({ key: "rule-normalise", args: { max } });
      break;
    case "not_scored":
      lines.push({ key: "rule-not-scored", args: {} });
      break;
    case "assigned":
      lines.push({ key: "rule-assigned", args: { max } });
      break;
  }
  if (node.effect !== "base") lines.push({ key: "rule-effect", args: { effect: node.effect } });
  if (node.notApplicable.automaticFor.length > 0) {
    for (const tag of node.notApplicable.automaticFor) lines.push({ key: "rule-not-applicable-auto", args: { tag } });
  } else if (node.notApplicable.allowed) {
    lines.push({ key: "rule-not-applicable", args: {} });
  }
  if (node.inferred) lines.push({ key: "rule-inferred", args: {} });
  return lines;
}

/** The selector of the "what to type" message: an input kind, or "choices" (several parts) or "reports" (periodic reports). */
export function inputWords(node: RulesetNode): string {
  if (node.rule?.type === "per_report") return "reports";
  if (node.rule?.type === "parts") return "choices";
  return node.input?.kind ?? "points";
}
