import { walk, type Ruleset, type RulesetNode } from "../scoring/index.js";
import type { Catalog } from "../rulesets/index.js";
import type { Args } from "./reply.js";
import { periodForUnit, type CoreDeps, type Session } from "./session.js";
import { workedExample } from "./worked-example.js";

/**
 * Examples in hints, help and errors, taken from the person's own ruleset:
 * an item code they have, its name, and a figure typed as they would type it
 * for that item. A department officer is never shown a code only the
 * commune set has.
 */
export interface Examples {
  /** An item code of their ruleset ("6.2"). */
  readonly code: string;
  /** Its name, for a question in words ("văn bản điện tử được ký số"). */
  readonly name: string;
  /** A figure for it, as typed ("6.2 = 85%"). */
  readonly figure: string;
  /** Another, of another kind where the ruleset has one ("1.1 = có"). */
  readonly figure2: string;
}

const lowerFirst = (value: string) => value.charAt(0).toLocaleLowerCase("vi") + value.slice(1);

function pick(ruleset: Ruleset): Examples | null {
  const leaves = walk(ruleset).filter((n) => n.children.length === 0 && n.rule && n.rule.type !== "not_scored" && n.effect === "base");
  const withExample = leaves.map((node) => ({ node, example: workedExample(ruleset, node) })).filter((x) => x.example !== null);
  // A ratio reads best first (a share typed as "394/508" or "85%"), then something of another kind.
  const first = withExample.find((x) => x.node.rule!.type === "ratio") ?? withExample[0];
  if (!first) return null;
  // Then a short answer of another kind ("có"), rather than a level's long label.
  const second = withExample.find((x) => x.node.rule!.type === "yes_no")
    ?? withExample.find((x) => x !== first && x.example!.input.length <= 12) ?? first;
  const figure = (x: { node: RulesetNode; example: { input: string } | null }) => `${x.node.code} = ${x.example!.input}`;
  // A question in words reads best with a short name.
  const named = [...leaves].sort((a, b) => a.name.length - b.name.length)[0] ?? first.node;
  return { code: first.node.code, name: lowerFirst(named.name), figure: figure(first), figure2: figure(second) };
}

/** The examples of a ruleset; without one (a guest), those of the first fully described ruleset. */
export function examplesOf(catalog: Catalog, ruleset: Ruleset | null): Examples {
  const candidates = [ruleset, ...catalog.all.filter((r) => r.completeness === "full"), ...catalog.all].filter((r): r is Ruleset => r !== null);
  for (const candidate of candidates) {
    const found = pick(candidate);
    if (found) return found;
  }
  return { code: "1.1", name: "họp không giấy", figure: "1.1 = 85%", figure2: "1.1 = có" };
}

/** The examples for the person writing: from their unit's ruleset. */
export async function examplesFor(deps: CoreDeps, session: Session): Promise<Examples> {
  const found = session.unit ? await periodForUnit(deps, session.unit) : null;
  return examplesOf(deps.catalog, found?.ruleset ?? null);
}

/** As message arguments. */
export const exampleArgs = (e: Examples): Args => ({ code: e.code, name: e.name, figure: e.figure, figure2: e.figure2 });
