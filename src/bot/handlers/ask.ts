import { describeRule, fold, walk, type Ruleset, type RulesetNode, type UnitKind } from "../../scoring/index.js";
import { explained, line, reply, text, type Line, type Reply } from "../reply.js";
import { periodForUnit, type CoreDeps, type Session } from "../session.js";
import { workedExample } from "../worked-example.js";
import { daysLeft } from "./dates.js";

/** Words that name a kind of unit in "bộ chỉ số cấp xã có bao nhiêu chỉ số", folded. */
const KIND_WORDS: readonly [RegExp, UnitKind][] = [
  [/\b(xa|phuong|cap xa|thi tran)\b/, "commune"],
  [/\b(huyen|quan|cap huyen)\b/, "district"],
  [/\b(so|nganh|so nganh|cap so)\b/, "department"],
  [/\b(trung uong|co quan tw)\b/, "central_agency"],
  [/\b(tinh|cap tinh|quoc gia|toan quoc)\b/, "province"],
];

/** The rulesets a person's questions are about: their unit's first, else every one. */
async function scope(deps: CoreDeps, session: Session): Promise<{ ids: string[]; home: Ruleset | null; due: Date | null }> {
  if (!session.unit) return { ids: [], home: null, due: null };
  const found = await periodForUnit(deps, session.unit);
  if (!found) return { ids: [], home: null, due: null };
  const due = found.period.deadlines.find((d) => d.kind === "submission")?.dueAt ?? null;
  return { ids: [found.ruleset.id], home: found.ruleset, due };
}

export function itemCard(ruleset: Ruleset, node: RulesetNode, due: Date | null, now: Date): Reply {
  const lines: Line[] = [line("bot-item-title", { code: node.code, name: node.name }, "bold"), line("bot-item-ruleset", { title: ruleset.title })];
  lines.push(node.maxPoints === null ? line("bot-item-max-unknown") : line("bot-item-max", { max: node.maxPoints }));
  if (node.measures) lines.push(line("bot-item-measures", { text: node.measures }));
  if (node.howToCount) lines.push(line("bot-item-how", { text: node.howToCount }));
  if (node.input) lines.push(line("bot-item-input", { kind: node.input.kind }));
  if (node.children.length === 0) {
    lines.push(line("bot-item-rule", {}, "bold"));
    lines.push(...describeRule(node).map((e) => ({ explain: e }) as Line));
    const example = workedExample(ruleset, node);
    if (example) lines.push(line("bot-item-example", { input: example.input }), explained(example.explanation, "→ "));
  } else {
    lines.push(line("bot-item-children", { count: node.children.length }));
    lines.push(...node.children.map((c) => line("bot-item-child", { code: c.code, name: c.name, max: c.maxPoints ?? "none" })));
  }
  if (node.evidence) lines.push(line(node.evidenceRequired ? "bot-item-evidence-required" : "bot-item-evidence", { text: node.evidence }));
  if (due) lines.push(line("bot-item-due", { date: due, days: daysLeft(now, due) }));
  return reply(lines);
}

/** "Bộ chỉ số cấp xã có bao nhiêu chỉ số?": answered from a ruleset's own metadata. */
function rulesetAnswer(ruleset: Ruleset): Reply {
  const nodes = walk(ruleset);
  const lines: Line[] = [line("bot-ruleset-title", { title: ruleset.title }, "bold")];
  lines.push(ruleset.decision?.number ? line("bot-ruleset-decision", { number: ruleset.decision.number }) : line("bot-ruleset-no-decision"));
  if (ruleset.totalPoints !== null) lines.push(line("bot-ruleset-total", { total: ruleset.totalPoints }));
  const subs = nodes.filter((n) => n.depth === 1).length || ruleset.declared.subIndicators;
  lines.push(line("bot-ruleset-counts", {
    indices: ruleset.indices.length || ruleset.declared.mainIndices || 0,
    subs: subs ?? "none",
    items: nodes.filter((n) => n.children.length === 0 && n.rule).length,
  }));
  lines.push(...ruleset.indices.map((i) => line("bot-item-child", { code: i.code, name: i.name, max: i.maxPoints ?? "none" })));
  if (ruleset.completeness !== "full") lines.push(line("bot-ruleset-structure"));
  if (ruleset.illustrative) lines.push(line("bot-ruleset-illustrative"));
  return reply(lines);
}

function rulesetFor(deps: CoreDeps, question: string, home: Ruleset | null): Ruleset | null {
  const folded = fold(question);
  for (const [pattern, kind] of KIND_WORDS) {
    if (pattern.test(folded.replace(/\bbo chi so\b/, ""))) {
      if (home?.unitKinds.includes(kind)) return home;
      return deps.catalog.forUnitKind(kind).sort((a, b) => Number(b.completeness === "full") - Number(a.completeness === "full"))[0] ?? null;
    }
  }
  return home;
}

export async function ask(deps: CoreDeps, session: Session, question: string): Promise<Reply[]> {
  const { ids, home, due } = await scope(deps, session);
  if (!question.trim()) return [reply([line("bot-ask-how")])];
  if (/\bbo chi so\b/.test(fold(question)) && !/\d\.\d/.test(question)) {
    const ruleset = rulesetFor(deps, question, home);
    if (ruleset) return [rulesetAnswer(ruleset)];
  }
  const answer = deps.search.find(question, ids);
  if (answer.kind === "item") return [itemCard(answer.hit.ruleset, answer.hit.node, answer.hit.ruleset.id === home?.id ? due : null, deps.now())];
  if (answer.kind === "choose") {
    return [reply([line("bot-ask-choose")], answer.hits.map((h) => [{
      label: text(`${h.node.code}. ${h.node.name}${ids.length === 1 ? "" : ` — ${h.ruleset.province.name}`}`),
      action: `item:${h.ruleset.id}:${h.node.code}`,
    }]))];
  }
  return [reply([line("bot-ask-none"), line("bot-ask-how")])];
}

export async function showItem(deps: CoreDeps, session: Session, rulesetId: string, code: string): Promise<Reply[]> {
  const ruleset = deps.catalog.get(rulesetId);
  const node = deps.catalog.item(rulesetId, code);
  if (!ruleset || !node) return [reply([line("bot-ask-none")])];
  const { home, due } = await scope(deps, session);
  return [itemCard(ruleset, node, home?.id === rulesetId ? due : null, deps.now())];
}
