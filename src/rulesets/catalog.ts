import type { Ruleset, RulesetNode, UnitKind } from "../scoring/index.js";
import { walk } from "../scoring/index.js";

/** The loaded rulesets, indexed for look-ups by id, item code and unit kind. */
export interface Catalog {
  readonly all: readonly Ruleset[];
  get(id: string): Ruleset | undefined;
  item(id: string, code: string): RulesetNode | undefined;
  forUnitKind(kind: UnitKind): Ruleset[];
}

export function createCatalog(rulesets: readonly Ruleset[]): Catalog {
  const byId = new Map(rulesets.map((r) => [r.id, r]));
  const items = new Map(rulesets.map((r) => [r.id, new Map(walk(r).map((n) => [n.code, n]))]));
  return {
    all: rulesets,
    get: (id) => byId.get(id),
    item: (id, code) => items.get(id)?.get(code),
    forUnitKind: (kind) => rulesets.filter((r) => r.unitKinds.includes(kind)),
  };
}
