import { describeRule, fold, inputWords, walk, type Ruleset, type RulesetNode, type UnitKind } from "../../scoring/index.js";
import { exampleArgs, examplesFor, examplesOf } from "../examples.js";
import type { ItemHit, SearchAnswer } from "../search.js";
import { readMessage, type Focus, type Reading, type RequestAction } from "../understand/index.js";
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
  const found = session.unit ? await periodForUnit(deps, session.unit) : null;
  if (!found) return { ids: await provinceSets(deps), home: null, due: null };
  const due = found.period.deadlines.find((d) => d.kind === "submission")?.dueAt ?? null;
  return { ids: [found.ruleset.id], home: found.ruleset, due };
}

/**
 * The sets the provinces served here have assigned (a guest of Đà Nẵng's
 * service is not answered from another province's set); every loaded set
 * before any is assigned.
 */
async function provinceSets(deps: CoreDeps): Promise<string[]> {
  const ids = new Set<string>();
  for (const province of await deps.store.provinces.list()) {
    for (const a of await deps.store.provinces.rulesets(province.id)) if (deps.catalog.get(a.rulesetId)) ids.add(a.rulesetId);
  }
  return [...ids];
}

/**
 * An item's card. What the person asked about comes first after the title
 * (its points, its evidence, how it is scored, its deadline, what it takes
 * to earn them); the rest follows in the usual order.
 */
export function itemCard(ruleset: Ruleset, node: RulesetNode, due: Date | null, now: Date, focus: Focus | null = null): Reply {
  const max = node.maxPoints === null ? [line("bot-item-max-unknown")] : [line("bot-item-max", { max: node.maxPoints })];
  const about = [
    ...(node.measures ? [line("bot-item-measures", { text: node.measures })] : []),
    ...(node.howToCount ? [line("bot-item-how", { text: node.howToCount })] : []),
    ...(node.input ? [line("bot-item-input", { kind: inputWords(node) })] : []),
  ];
  const rule: Line[] = [];
  if (node.children.length === 0) {
    rule.push(line("bot-item-rule", {}, "bold"), ...describeRule(node).map((e) => ({ explain: e }) as Line));
    const example = workedExample(ruleset, node);
    if (example) rule.push(line("bot-item-example", { input: example.input }), explained(example.explanation, "→ "));
  } else {
    rule.push(line("bot-item-children", { count: node.children.length }));
    rule.push(...node.children.map((c) => line("bot-item-child", { code: c.code, name: c.name, max: c.maxPoints ?? "none" })));
  }
  const evidence = node.evidence ? [line(node.evidenceRequired ? "bot-item-evidence-required" : "bot-item-evidence", { text: node.evidence })] : [];
  const deadline = due ? [line("bot-item-due", { date: due, days: daysLeft(now, due) })] : [];
  const sections: Record<"max" | "about" | "rule" | "evidence" | "deadline", Line[]> = { max, about, rule, evidence, deadline };
  const first: Record<Focus, readonly (keyof typeof sections)[]> = {
    points: ["max", "rule"], evidence: ["evidence"], how: ["rule"], deadline: ["deadline"], achieve: ["rule", "max"],
  };
  const order = [...(focus ? first[focus] : []), "max", "about", "rule", "evidence", "deadline"] as (keyof typeof sections)[];
  const lines: Line[] = [line("bot-item-title", { code: node.code, name: node.name }, "bold"), line("bot-item-ruleset", { title: ruleset.title })];
  for (const key of new Set(order)) lines.push(...sections[key]);
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

/** "Anh/Chị có thể hỏi …", with examples from the person's own ruleset. */
async function howToAsk(deps: CoreDeps, session: Session, home: Ruleset | null): Promise<Line> {
  return line("bot-ask-how", exampleArgs(home ? examplesOf(deps.catalog, home) : await examplesFor(deps, session)));
}

/**
 * A question about indicators (/chiso, or free text read as one): a card
 * when one item is clearly meant, a few to choose from when not, or a plain
 * "not found" with how to ask, with examples from the person's own set.
 */
export async function ask(deps: CoreDeps, session: Session, question: string, read?: SearchAnswer): Promise<Reply[]> {
  const { ids, home, due } = await scope(deps, session);
  if (!question.trim()) return [reply([await howToAsk(deps, session, home)])];
  if (/\bbo chi so\b/.test(fold(question)) && !/\d\.\d/.test(question)) {
    const ruleset = rulesetFor(deps, question, home);
    if (ruleset) return [rulesetAnswer(ruleset)];
  }
  const answer = read ?? deps.search.find(question, ids);
  switch (answer.kind) {
    case "item":
      return [itemCard(answer.hit.ruleset, answer.hit.node, answer.hit.ruleset.id === home?.id ? due : null, deps.now(), answer.focus)];
    case "choose":
      return [reply([line(answer.hits.length === 1 ? "bot-ask-choose-one" : "bot-ask-choose")], choices(answer.hits, new Set(answer.hits.map((h) => h.ruleset.id)).size === 1 && ids.length === 1, answer.focus))];
    case "no_code":
      return [reply([line(home ? "bot-ask-no-code" : "bot-ask-no-code-anywhere", { code: answer.code, title: home?.title ?? "" }), await howToAsk(deps, session, home)])];
    case "none":
      return [reply([line("bot-ask-none"), await howToAsk(deps, session, home)])];
  }
}

/** Buttons for items to choose from, each opening its card in the order asked for; the set is named when they come from several. */
function choices(hits: readonly ItemHit[], oneSet: boolean, focus: Focus | null = null) {
  return hits.map((h) => [{
    label: oneSet
      ? text(`${h.node.code}. ${h.node.name}`)
      : line("bot-ask-choice-set", { code: h.node.code, name: h.node.name, province: h.ruleset.province.name, kind: h.ruleset.unitKinds[0] ?? "" }),
    action: `item:${h.ruleset.id}:${h.node.code}${focus ? `:${focus}` : ""}`,
  }]);
}

/** Free text that may be a request or a question: what it is read as, in the person's own set. */
export async function readFreeText(deps: CoreDeps, session: Session, text: string): Promise<Reading> {
  const { ids } = await scope(deps, session);
  return readMessage(text, ids, deps.search);
}

/** Either a request or a question about an item: asked back with a button for each ("điểm an toàn thông tin"). */
export function askBack(action: RequestAction, hits: readonly ItemHit[]): Reply[] {
  const command: Partial<Record<RequestAction, string>> = { score: "diem", deadlines: "hanchot", target: "muctieu", missing: "thieu", ranking: "xephang" };
  const first = hits[0]!;
  return [reply([line("bot-ask-back", { code: first.node.code, name: first.node.name })], [
    [{ label: line(`bot-ask-back-${action}`), action: `cmd:${command[action] ?? "huongdan"}` }],
    ...choices(hits.slice(0, 2), true),
  ])];
}

export async function showItem(
  deps: CoreDeps, session: Session, rulesetId: string, code: string, focus: Focus | null = null,
): Promise<Reply[]> {
  const ruleset = deps.catalog.get(rulesetId);
  const node = deps.catalog.item(rulesetId, code);
  if (!ruleset || !node) return [reply([line("bot-ask-none")])];
  const { home, due } = await scope(deps, session);
  return [itemCard(ruleset, node, home?.id === rulesetId ? due : null, deps.now(), focus)];
}
