import { fromUnits, q, qFromDecimal, toUnits, type Q } from "./exact.js";
import type { ItemDetail } from "./results.js";
import type { Rule, Ruleset, RulesetNode } from "./types.js";

/** A scored leaf, with everything the hot loop needs precomputed. */
export interface Leaf {
  readonly node: RulesetNode;
  readonly code: string;
  readonly rule: Rule;
  /** Position of its main index in `ruleset.indices`. */
  readonly index: number;
  readonly maxUnits: number;
  /** maxUnits as points, for results. */
  readonly maxPoints: number;
  readonly naAllowed: boolean;
  readonly naAutomatic: ReadonlySet<string>;
  /** Rule constants converted once: tiers and options in units, `fullAt` and `floor` as rationals. */
  readonly fullAt: Q | null;
  readonly floor: Q | null;
  readonly tierUnits: readonly number[];
  readonly tierFroms: readonly Q[];
  readonly tierDetails: readonly ItemDetail[];
  readonly optionUnits: ReadonlyMap<string, number>;
  /** Per counted thing (per_item) or per report on time (per_report); a late report's worth. */
  readonly eachUnits: number;
  readonly lateUnits: number;
  readonly capUnits: number;
}

export interface CompiledRuleset {
  readonly ruleset: Ruleset;
  readonly leaves: readonly Leaf[];
  readonly leafByCode: ReadonlyMap<string, Leaf>;
  readonly unitsPerPoint: number;
  readonly bonusCapUnits: number;
  readonly penaltyCapUnits: number;
  readonly bandFroms: readonly Q[];
}

const cache = new WeakMap<Ruleset, CompiledRuleset>();

function collectLeaves(node: RulesetNode, index: number, digits: number, out: Leaf[]): void {
  if (node.children.length > 0) {
    for (const child of node.children) collectLeaves(child, index, digits, out);
    return;
  }
  if (!node.rule) return;
  const rule = node.rule;
  const maxUnits = toUnits(node.maxPoints ?? 0, digits);
  const options = rule.type === "levels" ? rule.levels : rule.type === "parts" ? rule.parts : [];
  out.push({
    node,
    code: node.code,
    rule,
    index,
    maxUnits,
    maxPoints: fromUnits(maxUnits, digits),
    // A unit may claim "đặc thù" only where allowed; tags apply automatically either way.
    naAllowed: node.notApplicable.allowed,
    naAutomatic: new Set(node.notApplicable.automaticFor),
    fullAt: rule.type === "ratio" && rule.fullAt !== undefined ? qFromDecimal(rule.fullAt) : null,
    floor: rule.type === "ratio" && rule.floor !== undefined ? qFromDecimal(rule.floor) : null,
    tierUnits: rule.type === "tiers" ? rule.tiers.map((t) => toUnits(t.points, digits)) : [],
    tierFroms: rule.type === "tiers" ? rule.tiers.map((t) => qFromDecimal(t.atLeast)) : [],
    tierDetails: rule.type === "tiers" ? rule.tiers.map((t) => ({ kind: "tier", atLeast: t.atLeast })) : [],
    optionUnits: new Map(options.map((o) => [o.id, toUnits(o.points, digits)])),
    eachUnits: rule.type === "per_item" ? toUnits(rule.each, digits) : rule.type === "per_report" ? toUnits(rule.onTime, digits) : 0,
    lateUnits: rule.type === "per_report" ? toUnits(rule.late, digits) : 0,
    capUnits: rule.type === "per_item" ? Math.min(toUnits(rule.cap ?? Infinity, digits), maxUnits) : maxUnits,
  });
}

const capUnits = (cap: number | null, digits: number): number => (cap === null ? Infinity : toUnits(cap, digits));

/** Flatten a ruleset once; the result is cached per ruleset object. */
export function compile(ruleset: Ruleset): CompiledRuleset {
  const cached = cache.get(ruleset);
  if (cached) return cached;
  const digits = ruleset.rounding.digits;
  const leaves: Leaf[] = [];
  ruleset.indices.forEach((node, i) => collectLeaves(node, i, digits, leaves));
  const compiled: CompiledRuleset = {
    ruleset,
    leaves,
    leafByCode: new Map(leaves.map((l) => [l.code, l])),
    unitsPerPoint: 10 ** digits,
    bonusCapUnits: capUnits(ruleset.adjustments.bonusCap, digits),
    penaltyCapUnits: capUnits(ruleset.adjustments.penaltyCap, digits),
    bandFroms: (ruleset.classification?.bands ?? []).map((b) => qFromDecimal(b.from)),
  };
  cache.set(ruleset, compiled);
  return compiled;
}

/** All nodes in document order, depth first. */
export function walk(ruleset: Ruleset): RulesetNode[] {
  const out: RulesetNode[] = [];
  const visit = (node: RulesetNode): void => {
    out.push(node);
    node.children.forEach(visit);
  };
  ruleset.indices.forEach(visit);
  return out;
}

export const ZERO: Q = q(0);
