import type { IssueDraft } from "./issues.js";
import type { RawNode, RawRuleset } from "./schema.js";

type Path = (string | number)[];

/** Which input kinds each rule type can read. */
const RULE_INPUTS: Record<string, readonly string[]> = {
  ratio: ["percent", "fraction", "index_value"],
  yes_no: ["yes_no"],
  tiers: ["count", "percent", "fraction", "money", "points"],
  levels: ["choice"],
  parts: ["choice"],
  per_item: ["count"],
  per_report: ["fraction"],
  normalise_to_best: ["count", "money", "percent", "fraction", "points"],
  not_scored: ["percent", "fraction", "count", "yes_no", "choice", "money", "points", "index_value"],
  assigned: ["points"],
};

/** Sum of decimals without float drift (points have at most a few decimals). */
function sum(values: readonly number[]): number {
  return Math.round(values.reduce((a, b) => a + b * 1e6, 0)) / 1e6;
}

function hasDigits(value: number, digits: number): boolean {
  const scaled = value * 10 ** digits;
  return Math.abs(scaled - Math.round(scaled)) < 1e-9;
}

function checkRule(node: RawNode, path: Path, digits: number, out: IssueDraft[]): void {
  const rule = node.rule;
  if (!rule) return;
  const max = node.max ?? 0;
  const kind = node.input?.kind;
  const at = [...path, "rule"];
  const invalid = (message: string, params: Record<string, string | number> = {}): void => {
    out.push({ path: at, code: "rule_invalid", message: `${node.code}: ${message}`, params: { code: node.code, detail: message, ...params } });
  };
  if (!kind) {
    out.push({ path, code: "missing_in_full", message: `${node.code} has a rule but no input kind`, params: { code: node.code, field: "input" } });
  } else if (!RULE_INPUTS[rule.type]!.includes(kind)) {
    out.push({
      path: at, code: "rule_input_mismatch", message: `${node.code}: rule ${rule.type} cannot read input ${kind}`,
      params: { code: node.code, rule: rule.type, input: kind },
    });
  }
  const pointValues: number[] = [];
  switch (rule.type) {
    case "not_scored":
      if (max !== 0) invalid(`a not_scored item must have max 0, not ${max}`);
      break;
    case "yes_no":
      if (rule.yesPoints !== undefined && rule.yesPoints > max) invalid(`yesPoints ${rule.yesPoints} exceeds max ${max}`);
      if (rule.yesPoints !== undefined) pointValues.push(rule.yesPoints);
      break;
    case "tiers":
      rule.tiers.forEach((tier, i) => {
        pointValues.push(tier.points);
        if (tier.points > max) invalid(`tier ${i + 1} gives ${tier.points}, above max ${max}`);
        const prev = rule.tiers[i - 1];
        if (prev && !(tier.atLeast < prev.atLeast)) invalid(`tiers must be listed from the highest threshold down (tier ${i + 1})`);
        if (prev && tier.points > prev.points) invalid(`a lower tier gives more points than a higher one (tier ${i + 1})`);
      });
      break;
    case "levels":
    case "parts": {
      const options = rule.type === "levels" ? rule.levels : rule.parts;
      const ids = new Set<string>();
      for (const option of options) {
        pointValues.push(option.points);
        if (ids.has(option.id)) invalid(`option id ${option.id} is used twice`);
        ids.add(option.id);
        if (option.points > max) invalid(`option ${option.id} gives ${option.points}, above max ${max}`);
      }
      if (rule.type === "parts" && !rule.proportional && sum(options.map((o) => o.points)) !== max) {
        invalid(`parts add up to ${sum(options.map((o) => o.points))}, but max is ${max}`);
      }
      break;
    }
    case "ratio":
      if (rule.floor !== undefined && rule.fullAt !== undefined && rule.floor > rule.fullAt) invalid(`floor ${rule.floor} is above fullAt ${rule.fullAt}`);
      break;
    case "per_report":
      pointValues.push(rule.onTime, rule.late);
      if (rule.late > rule.onTime) invalid(`a late report (${rule.late}) earns more than one on time (${rule.onTime})`);
      if (sum([rule.onTime * rule.reports]) !== max) invalid(`${rule.reports} reports on time give ${sum([rule.onTime * rule.reports])}, but max is ${max}`);
      break;
    case "per_item":
      pointValues.push(rule.each);
      if (rule.cap !== undefined && rule.cap > max) invalid(`cap ${rule.cap} exceeds max ${max}`);
      break;
    default:
      break;
  }
  for (const value of pointValues) {
    if (!hasDigits(value, digits)) {
      out.push({
        path: at, code: "precision", message: `${node.code}: ${value} has more decimals than the rounding rule keeps (${digits})`,
        params: { code: node.code, value, digits },
      });
    }
  }
}

interface Walk {
  readonly raw: RawRuleset;
  readonly out: IssueDraft[];
  readonly seen: Map<string, Path>;
}

function checkNode(node: RawNode, path: Path, parent: RawNode | null, walk: Walk): void {
  const { raw, out, seen } = walk;
  const full = raw.completeness === "full";
  const first = seen.get(node.code);
  if (first) {
    out.push({
      path: [...path, "code"], code: "duplicate_code", message: `code ${node.code} is used twice`,
      params: { code: node.code, first: first.join(".") },
    });
  } else {
    seen.set(node.code, path);
  }
  // Under a roman main index or a lettered section, decisions often number items on through the table (7 under II).
  if (parent && /^\d/.test(parent.code) && !node.code.startsWith(`${parent.code}.`)) {
    out.push({
      path: [...path, "code"], code: "code_prefix", message: `${node.code} sits under ${parent.code} but does not start with "${parent.code}."`,
      params: { code: node.code, parent: parent.code },
    });
  }
  if (node.max !== null && !hasDigits(node.max, raw.rounding.digits)) {
    out.push({
      path: [...path, "max"], code: "precision", message: `${node.code}: max ${node.max} has more decimals than the rounding rule keeps`,
      params: { code: node.code, value: node.max, digits: raw.rounding.digits },
    });
  }
  const isLeaf = node.children.length === 0;
  if (full) {
    const needs: string[] = [];
    if (node.max === null) needs.push("max");
    if (isLeaf && !node.rule) needs.push("rule");
    if (isLeaf && !node.input) needs.push("input");
    for (const field of needs) {
      out.push({
        path, code: "missing_in_full", message: `${node.code} has no ${field}, which a full ruleset needs`,
        params: { code: node.code, field },
      });
    }
  }
  if (!isLeaf && node.effect !== "base") {
    out.push({
      path: [...path, "effect"], code: "rule_invalid", message: `${node.code}: bonus and penalty belong on scored items; set effect on its children`,
      params: { code: node.code, detail: "effect applies to scored items, not to a node with children" },
    });
  }
  if (!isLeaf && node.rule) {
    out.push({
      path: [...path, "rule"], code: "rule_invalid", message: `${node.code} has children, so its points are theirs; remove its rule`,
      params: { code: node.code, detail: "a node with children takes their points" },
    });
  }
  checkRule(node, path, raw.rounding.digits, out);
  if (node.ruleCheck && raw.status !== "draft") {
    out.push({
      path: [...path, "ruleCheck"], code: "rule_unreviewed",
      message: `${node.code}: the import marked this rule ${node.ruleCheck}; review it, then remove ruleCheck (or keep status: draft)`,
      params: { code: node.code, check: node.ruleCheck },
    });
  }
  const baseChildren = node.children.filter((c) => c.effect === "base");
  if (node.max !== null && baseChildren.length > 0 && baseChildren.every((c) => c.max !== null)) {
    const total = sum(baseChildren.map((c) => c.max!));
    if (total !== node.max) {
      out.push({
        path: [...path, "max"], code: "max_mismatch", message: `the maxima under item ${node.code} add up to ${total}, but item ${node.code} declares ${node.max}`,
        params: { code: node.code, sum: total, declared: node.max },
      });
    }
  }
  node.children.forEach((child, i) => checkNode(child, [...path, "children", i], node, walk));
}

function checkBands(raw: RawRuleset, out: IssueDraft[]): void {
  const bands = raw.classification?.bands;
  if (!bands) return;
  const scale = raw.classification!.scale;
  const seen = new Set<string>();
  bands.forEach((band, i) => {
    const path: Path = ["classification", "bands", i];
    if (seen.has(band.id)) {
      out.push({ path: [...path, "id"], code: "band_order", message: `band id ${band.id} is used twice`, params: { band: band.id } });
    }
    seen.add(band.id);
    if (band.from > scale) {
      out.push({ path: [...path, "from"], code: "band_order", message: `band ${band.name} starts at ${band.from}, above the scale ${scale}`, params: { band: band.name } });
    }
    const above = bands[i - 1];
    if (band.below !== undefined && band.below <= band.from) {
      out.push({ path, code: "band_order", message: `band ${band.name}: below (${band.below}) must exceed from (${band.from})`, params: { band: band.name } });
    }
    if (!above) {
      if (band.below !== undefined) {
        out.push({ path, code: "band_gap", message: `the top band ${band.name} must have no upper bound`, params: { band: band.name, from: band.below, to: "∞" } });
      }
    } else if (band.below === undefined || band.below !== above.from) {
      const code = band.below === undefined || band.below > above.from ? "band_order" : "band_gap";
      out.push({
        path, code,
        message: code === "band_gap"
          ? `nothing covers ${band.below} to ${above.from} between bands ${band.name} and ${above.name}`
          : `bands ${band.name} and ${above.name} overlap or are out of order`,
        params: { band: band.name, other: above.name, from: band.below ?? "", to: above.from },
      });
    }
    if (i === bands.length - 1 && band.from !== 0) {
      out.push({ path, code: "band_gap", message: `nothing covers 0 to ${band.from} below band ${band.name}`, params: { band: band.name, from: 0, to: band.from } });
    }
  });
}

function countDepth(nodes: readonly RawNode[], depth: number): number {
  return depth === 0 ? nodes.length : nodes.reduce((n, node) => n + countDepth(node.children, depth - 1), 0);
}

function checkTotals(raw: RawRuleset, out: IssueDraft[]): void {
  if (raw.completeness === "full" && raw.totalPoints === null) {
    out.push({ path: ["totalPoints"], code: "missing_in_full", message: "a full ruleset needs totalPoints", params: { code: raw.id, field: "totalPoints" } });
  }
  const base = raw.indices.filter((n) => n.effect === "base");
  if (raw.totalPoints !== null && base.length > 0 && base.every((n) => n.max !== null)) {
    const total = sum(base.map((n) => n.max!));
    if (total !== raw.totalPoints) {
      out.push({
        path: ["totalPoints"], code: "total_mismatch", message: `the main indices add up to ${total}, but totalPoints is ${raw.totalPoints}`,
        params: { sum: total, declared: raw.totalPoints },
      });
    }
  }
  const declared = raw.declared;
  const check = (field: "mainIndices" | "subIndicators" | "criteria", depth: number): void => {
    const expected = declared[field];
    if (expected === undefined || raw.indices.length === 0) return;
    const found = countDepth(raw.indices, depth);
    // For structure sets the tree below main indices is usually not public.
    if (depth > 0 && found === 0) return;
    if (found !== expected) {
      out.push({
        path: ["declared", field], code: "declared_count", message: `declared ${expected} ${field} but the tree has ${found}`,
        params: { field, declared: expected, found },
      });
    }
  };
  const perIndex = raw.indices.map((n) => n.declaredChildren);
  if (declared.subIndicators !== undefined && perIndex.length > 0 && perIndex.every((n) => n !== undefined)) {
    const found = perIndex.reduce<number>((a, b) => a + (b ?? 0), 0);
    if (found !== declared.subIndicators) {
      out.push({
        path: ["declared", "subIndicators"], code: "declared_count",
        message: `declared ${declared.subIndicators} subIndicators but the main indices declare ${found} in all`,
        params: { field: "subIndicators", declared: declared.subIndicators, found },
      });
    }
  }
  check("mainIndices", 0);
  check("subIndicators", 1);
  check("criteria", 2);
}

/** Arithmetic and cross-reference checks; returns every problem found. */
export function checkRuleset(raw: RawRuleset): IssueDraft[] {
  const out: IssueDraft[] = [];
  const walk: Walk = { raw, out, seen: new Map() };
  raw.indices.forEach((node, i) => checkNode(node, ["indices", i], null, walk));
  checkTotals(raw, out);
  checkBands(raw, out);
  return out;
}
