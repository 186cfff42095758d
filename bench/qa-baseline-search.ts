/**
 * The item search as it was before free text was read as people write it (commit 2b9e12f), kept only so
 * `npm run bench -- qa` measures the new reading beside it in the same run.
 */
import MiniSearch from "minisearch";
import type { Catalog } from "../src/rulesets/index.js";
import { fold, walk, type Ruleset, type RulesetNode } from "../src/scoring/index.js";

export interface ItemHit {
  readonly ruleset: Ruleset;
  readonly node: RulesetNode;
  readonly score: number;
}

export type SearchAnswer =
  /** One item stands out (or its code was given). */
  | { readonly kind: "item"; readonly hit: ItemHit }
  /** Several items fit about as well: ask which. */
  | { readonly kind: "choose"; readonly hits: readonly ItemHit[] }
  | { readonly kind: "none" };

export interface ItemSearch {
  /** Find the item a question is about, among the given rulesets (all when empty). */
  find(question: string, rulesetIds: readonly string[]): SearchAnswer;
}

interface Doc {
  id: string;
  rulesetId: string;
  code: string;
  name: string;
  words: string;
  details: string;
}

/** Question words that say nothing about which item is meant, folded. */
const STOPWORDS = new Set([
  "chi", "so", "tieu", "la", "gi", "cach", "tinh", "diem", "duoc", "bao", "nhieu", "nhu", "the", "nao", "cua", "va", "co", "khong",
  "cho", "ve", "hoi", "xin", "cho", "biet", "toi", "em", "anh", "chi", "a", "u", "thanh", "phan", "nay", "do", "what", "is", "how",
  "many", "points", "the", "of", "item", "indicator", "does", "count", "counted", "score", "scored",
]);

const CODE = /(?:^|\s)(\d{1,2}(?:\.\d{1,2}){0,2})(?=\s|$|\?|,)/;

const words = (textIn: string): string[] => fold(textIn).split(/[^a-z0-9]+/).filter((t) => t.length > 0);

function tokenize(textIn: string): string[] {
  return words(textIn).filter((t) => !STOPWORDS.has(t));
}

/**
 * Pairs of neighbouring words in a question, at least one of them meaningful:
 * "ký số" is a phrase even though "số" alone is a stopword, and an item named
 * with the phrase should beat one that only has "kỹ năng số".
 */
function phrases(question: string): string[] {
  const w = words(question);
  const pairs: string[] = [];
  for (let i = 0; i + 1 < w.length; i += 1) {
    if (!STOPWORDS.has(w[i]!) || !STOPWORDS.has(w[i + 1]!)) pairs.push(` ${w[i]} ${w[i + 1]} `);
  }
  return pairs;
}

/**
 * In-memory search over every item of the loaded rulesets, with Vietnamese
 * folding: "hop khong giay", "họp không giấy" and "hop khong giau" (a typo)
 * find the same item. A code in the question ("chỉ số 4.14") wins outright.
 */
export function createItemSearch(catalog: Catalog): ItemSearch {
  const docs: Doc[] = [];
  const nodes = new Map<string, { ruleset: Ruleset; node: RulesetNode }>();
  /** Folded name, keywords and synonyms, for phrase matches. */
  const named = new Map<string, string>();
  for (const ruleset of catalog.all) {
    for (const node of walk(ruleset)) {
      const id = `${ruleset.id}:${node.code}`;
      nodes.set(id, { ruleset, node });
      named.set(id, ` ${[node.name, ...node.keywords, ...node.synonyms].map((x) => words(x).join(" ")).join(" | ")} `);
      docs.push({
        id, rulesetId: ruleset.id, code: node.code, name: node.name,
        words: [...node.keywords, ...node.synonyms].join(" "),
        details: [node.measures, node.howToCount].filter(Boolean).join(" "),
      });
    }
  }
  const index = new MiniSearch<Doc>({
    fields: ["name", "words", "details"],
    storeFields: ["rulesetId", "code"],
    tokenize,
    processTerm: (term) => term,
    searchOptions: { boost: { name: 3, words: 2, details: 0.5 }, fuzzy: 0.25, prefix: true, combineWith: "OR" },
  });
  index.addAll(docs);

  return {
    find(question, rulesetIds) {
      const scope = new Set(rulesetIds.length > 0 ? rulesetIds : catalog.all.map((r) => r.id));
      const code = CODE.exec(` ${question.normalize("NFC")} `)?.[1];
      if (code) {
        const exact = [...scope].map((id) => nodes.get(`${id}:${code}`)).find((x) => x !== undefined);
        if (exact) return { kind: "item", hit: { ...exact, score: Infinity } };
      }
      const tokens = tokenize(question);
      if (tokens.length === 0) return { kind: "none" };
      // A hit must cover at least half of what was asked, and match at least one word as typed
      // (not only through typo tolerance); otherwise it is a coincidence.
      const exactly = (queryTerm: string, terms: readonly string[]) => terms.some((t) => t.startsWith(queryTerm));
      const pairs = phrases(question);
      const hits = index.search(question, { filter: (r) => scope.has(r["rulesetId"] as string) })
        .filter((r) => r.queryTerms.length * 2 >= tokens.length && r.queryTerms.some((q) => exactly(q, r.terms)))
        .map((r) => {
          const text = named.get(r.id as string)!;
          const phraseMatches = pairs.filter((p) => text.includes(p)).length;
          return { ...nodes.get(r.id as string)!, score: r.score * (1 + 0.5 * phraseMatches) };
        })
        .sort((a, b) => b.score - a.score)
        .slice(0, 3);
      const [first, second] = hits;
      if (!first) return { kind: "none" };
      // A clear winner is answered; close runners-up are offered to choose from.
      if (!second || second.score < first.score * 0.75) return { kind: "item", hit: first };
      return { kind: "choose", hits };
    },
  };
}
