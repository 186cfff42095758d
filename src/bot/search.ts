import MiniSearch from "minisearch";
import type { Catalog, Glossary } from "../rulesets/index.js";
import { walk, type Ruleset, type RulesetNode } from "../scoring/index.js";
import { createExpander } from "./understand/glossary-text.js";
import { codeIn, focusOf, spelledOut, termsOf, withoutFocusWords, wordsOf, type Focus } from "./understand/words.js";

export interface ItemHit {
  readonly ruleset: Ruleset;
  readonly node: RulesetNode;
  readonly score: number;
}

export type SearchAnswer =
  /** One item stands out (or its code was given); `focus` is what the person wants to know about it. */
  | { readonly kind: "item"; readonly hit: ItemHit; readonly focus: Focus | null }
  /** Several items fit about as well: ask which. */
  | { readonly kind: "choose"; readonly hits: readonly ItemHit[]; readonly focus: Focus | null }
  /** A code was given, shaped as one, that the rulesets in scope do not have. */
  | { readonly kind: "no_code"; readonly code: string }
  | { readonly kind: "none" };

export interface ItemSearch {
  /** Find the item a question is about, among the given rulesets (all when empty). */
  find(question: string, rulesetIds: readonly string[]): SearchAnswer;
  /** The ranked candidates behind an answer, with the share of the question each covers (for tuning and benchmarks). */
  explain(question: string, rulesetIds: readonly string[]): { code: string; score: number; coverage: number }[];
}

/**
 * The dials of the search, in one place (measured with `npm run bench -- qa`
 * on the tuning questions, never on the held-out ones).
 */
export const SEARCH_TUNING = {
  /** Field weights: an item's name, then the words people use for it, then what it measures and how it is counted. */
  boost: { name: 3, aliases: 2.5, details: 0.8, evidence: 0.3 },
  fuzzy: 0.2,
  /** A word typed without diacritics that is both a question word and an item word ("may": mấy or máy). */
  uncertainWeight: 0.3,
  /** A pair of neighbouring words, against one word alone. */
  pairWeight: 1.5,
  /** Each word typed with diacritics found as typed in the item (an exact match beats one only after folding). */
  exactBonus: 0.1,
  /**
   * What a word typed with diacritics counts for in an item that has it only with other diacritics
   * ("hiểu" against "hiệu", "phường" against "phương"): false friends, not typos, as a rule.
   */
  otherSpelling: 0.1,
  /** The item's whole name, in order, in the question. */
  nameBonus: 1,
  /** Share of the question's weight an item must cover to be answered with its card, or offered among choices. */
  cardCoverage: 0.4,
  chooseCoverage: 0.2,
  /** The best item is "clearly ahead" when the second scores less than this share of it. */
  margin: 1 / 3,
};

interface Doc {
  id: string;
  rulesetId: string;
  name: string;
  aliases: string;
  details: string;
  evidence: string;
}

const foldedWords = (text: string): string[] => wordsOf(text).map((w) => w.folded);

/**
 * Item search over every loaded ruleset, reading Vietnamese as officers
 * write it: with or without diacritics, with the field's abbreviations
 * (rulesets/glossary.yaml), in their own words (each item's keywords and
 * synonyms), with typos (fuzzy matching). Matches are weighed by how
 * distinctive each word is, not by a share of the question's words; a code
 * counts only where it is shaped or placed like one.
 */
export function createItemSearch(catalog: Catalog, glossary: Glossary): ItemSearch {
  const expander = createExpander(glossary);
  const docs: Doc[] = [];
  const nodes = new Map<string, { ruleset: Ruleset; node: RulesetNode }>();
  /**
   * The item's own words as typed (lower case), for exact matches; every spelling of each folded word in its text
   * ("hieu" → hiệu), to tell a false friend; its name folded, for a whole-name match.
   */
  const named = new Map<string, { exact: Set<string>; spellings: Map<string, Set<string>>; name: string }>();
  /** Per ruleset: the folded words its items use, and in how many of its items each appears. */
  const frequencies = new Map<string, Map<string, number>>();
  for (const ruleset of catalog.all) {
    for (const node of walk(ruleset)) {
      const id = `${ruleset.id}:${node.code}`;
      nodes.set(id, { ruleset, node });
      const aliases = [...node.keywords, ...node.synonyms].join(" | ");
      const own = expander.expand(`${node.name} | ${aliases}`);
      const doc: Doc = {
        id, rulesetId: ruleset.id, name: expander.expand(node.name), aliases: expander.expand(aliases),
        details: expander.expand([node.measures, node.howToCount].filter(Boolean).join(" | ")), evidence: node.evidence ?? "",
      };
      const spellings = new Map<string, Set<string>>();
      for (const w of wordsOf(`${doc.name} ${doc.aliases} ${doc.details} ${doc.evidence}`)) spellings.set(w.folded, (spellings.get(w.folded) ?? new Set()).add(w.exact));
      named.set(id, { exact: new Set(wordsOf(own).map((w) => w.exact)), spellings, name: ` ${foldedWords(node.name).join(" ")} ` });
      docs.push(doc);
      const frequency = frequencies.get(ruleset.id) ?? new Map<string, number>();
      frequencies.set(ruleset.id, frequency);
      for (const t of new Set(termsOf(`${doc.name} | ${doc.aliases} | ${doc.details}`).map((x) => x.term))) frequency.set(t, (frequency.get(t) ?? 0) + 1);
    }
  }
  const sizes = new Map(catalog.all.map((r) => [r.id, walk(r).length]));
  /**
   * How distinctive a term is within the rulesets asked about: rare in their items weighs much, and a term none of
   * them uses weighs most (a question about pay or a wedding is not about an item that shares a common syllable).
   */
  const weigher = (scope: ReadonlySet<string>) => {
    const count = Math.max(1, [...scope].reduce((n, id) => n + (sizes.get(id) ?? 0), 0));
    const known = new Set<string>();
    for (const id of scope) for (const w of frequencies.get(id)?.keys() ?? []) known.add(w);
    const df = (w: string) => [...scope].reduce((n, id) => n + (frequencies.get(id)?.get(w) ?? 0), 0);
    return { known, weight: (w: string) => Math.log(1 + count / (1 + df(w))) };
  };

  const index = new MiniSearch<Doc>({
    fields: ["name", "aliases", "details", "evidence"],
    storeFields: ["rulesetId"],
    tokenize: (text) => termsOf(text).map((t) => t.term),
    processTerm: (term) => term,
    searchOptions: {
      boost: SEARCH_TUNING.boost, combineWith: "OR",
      // A pair of words is matched as a pair; typos are forgiven in longer words, and a word may be typed short.
      // Short syllables are not fuzzed ("thoi" is not "thoa"); a typo in one syllable is caught in its pair ("hop_giau").
      fuzzy: (term) => (term.includes("_") ? SEARCH_TUNING.fuzzy * 0.75 : term.length >= 6 ? SEARCH_TUNING.fuzzy : 0),
      prefix: (term) => !term.includes("_") && term.length >= 4,
      tokenize: (query) => query.split(" ").filter(Boolean),
    },
  });
  index.addAll(docs);

  /** Every item of the scope that matches, best first, with the share of the question's weight it covers. */
  function rank(typed: string, scope: ReadonlySet<string>) {
    const { known, weight } = weigher(scope);
    const question = spelledOut(typed);
    // The words that say what is wanted ("cần giấy tờ gì") choose the card's order; they do not choose the item.
    const expanded = expander.expand(withoutFocusWords(question));
    const terms = termsOf(expanded, known);
    // Only words that may be question words typed without diacritics ("the", "may"): nothing to go on.
    if (terms.every((t) => t.uncertain)) return [];
    const weightOf = new Map<string, number>();
    for (const t of terms) weightOf.set(t.term, weight(t.term) * (t.uncertain ? SEARCH_TUNING.uncertainWeight : 1) * (t.term.includes("_") ? SEARCH_TUNING.pairWeight : 1));
    const total = [...weightOf.values()].reduce((a, b) => a + b, 0);
    const accentedWords = wordsOf(question).filter((w) => w.accented);
    const accented = accentedWords.map((w) => w.exact);
    const asked = ` ${foldedWords(expanded).join(" ")} `;
    return index.search([...weightOf.keys()].join(" "), {
      filter: (r) => scope.has(r["rulesetId"] as string),
      boostTerm: (term) => weightOf.get(term) ?? 1,
    }).map((r) => {
      const own = named.get(r.id as string)!;
      const covered = new Set(r.queryTerms);
      // A word the item spells only otherwise (and never without diacritics) is a false friend: it counts for little.
      const falseFriends = new Set(accentedWords.filter((w) => {
        const forms = own.spellings.get(w.folded);
        return forms !== undefined && !forms.has(w.exact) && !forms.has(w.folded);
      }).map((w) => w.folded));
      const counted = (t: string) => (t.split("_").some((part) => falseFriends.has(part)) ? SEARCH_TUNING.otherSpelling : 1);
      const matched = [...weightOf].filter(([t]) => covered.has(t));
      const full = matched.reduce((a, [, v]) => a + v, 0);
      const fair = matched.reduce((a, [t, v]) => a + v * counted(t), 0);
      const coverage = fair / total;
      const exactly = accented.filter((w) => own.exact.has(w)).length;
      const wholeName = own.name.trim().includes(" ") && asked.includes(own.name) ? 1 : 0;
      const fairShare = full > 0 ? fair / full : 1;
      const score = r.score * fairShare * (1 + SEARCH_TUNING.exactBonus * exactly) * (1 + SEARCH_TUNING.nameBonus * wholeName);
      return { ...nodes.get(r.id as string)!, score, coverage };
    }).sort((a, b) => b.score - a.score);
  }

  return {
    explain(question, rulesetIds) {
      const scope = new Set(rulesetIds.length > 0 ? rulesetIds : catalog.all.map((r) => r.id));
      const round = (n: number) => Math.round(n * 100) / 100;
      return rank(question, scope).slice(0, 5).map((h) => ({ code: h.node.code, score: round(h.score), coverage: round(h.coverage) }));
    },
    find(question, rulesetIds) {
      const scope = new Set(rulesetIds.length > 0 ? rulesetIds : catalog.all.map((r) => r.id));
      const focus = focusOf(spelledOut(question));
      const code = codeIn(question);
      if (code) {
        const exact = [...scope].map((id) => nodes.get(`${id}:${code.code}`)).filter((x) => x !== undefined);
        // The same code in several sets (a guest asking "2.1 là gì"): each set's item to choose from.
        if (exact.length > 1) return { kind: "choose", hits: exact.slice(0, 8).map((x) => ({ ...x, score: Infinity })), focus };
        if (exact[0]) return { kind: "item", hit: { ...exact[0], score: Infinity }, focus };
        // "chỉ số 9.9" names a code: say it is not in the set rather than answer something else.
        if (code.placed === "marker" || (code.placed === "leading" && /^\s*\d{1,2}[.,]\d/.test(question))) return { kind: "no_code", code: code.code };
      }
      const hits = rank(question, scope);
      const [first, second] = hits;
      if (!first || first.coverage < SEARCH_TUNING.chooseCoverage) return { kind: "none" };
      const strip = (h: typeof first): ItemHit => ({ ruleset: h.ruleset, node: h.node, score: h.score });
      // A card only when the best item covers enough of the question and is clearly ahead; else up to three choices.
      if (first.coverage >= SEARCH_TUNING.cardCoverage && (!second || second.score < first.score * SEARCH_TUNING.margin)) {
        return { kind: "item", hit: strip(first), focus };
      }
      return { kind: "choose", hits: hits.slice(0, 3).filter((h) => h.coverage >= SEARCH_TUNING.chooseCoverage).map(strip), focus };
    },
  };
}
