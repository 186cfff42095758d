import { fold } from "../../scoring/index.js";
import type { ItemHit, ItemSearch, SearchAnswer } from "../search.js";
import { requestOf, type RequestAction } from "./route.js";
import { codeIn, focusOf, meaningfulWords, type Focus } from "./words.js";

export type { RequestAction } from "./route.js";
export { codeIn, focusOf, type Focus } from "./words.js";
export { createExpander, type Expander } from "./glossary-text.js";

/** What a free-text message is, as the bot reads it before answering. */
export type Reading =
  /** A request the bot carries out with one of its commands (or a greeting, a thank-you); `code` when it names an item by code. */
  | { readonly kind: "request"; readonly action: RequestAction; readonly code?: string }
  /** A question about an item, or about one of several; a code not in the set; nothing found. */
  | SearchAnswer
  /** Either a request or a question about these items: the bot asks which. */
  | { readonly kind: "ask_back"; readonly action: RequestAction; readonly hits: readonly ItemHit[]; readonly focus: Focus | null };

/** What the card shows first when a request turns out to be about an item ("hạn nộp chỉ số 6.2"). */
const FOCUS_OF_ACTION: Partial<Record<RequestAction, Focus>> = { deadlines: "deadline", score: "points", target: "achieve", evidence_how: "evidence" };
/** Requests that stay requests when an item is named by its code ("em muốn nhập số liệu cho mục 1.2"). */
const ABOUT_SUBMITTING: ReadonlySet<RequestAction> = new Set(["submit_how", "evidence_how"]);
/** Requests that, with an item named beside them, are questions about that item ("hạn nộp số liệu họp không giấy"). */
const ITEM_QUESTION: ReadonlySet<RequestAction> = new Set(["deadlines", "missing", "target"]);
/** Requests that give way only to one item named clearly ("chào anh, chỉ số họp không giấy tính sao"). */
const CLEAR_ITEM: ReadonlySet<RequestAction> = new Set(["greeting", "thanks", "ack"]);
const NO_WORDS: ReadonlySet<string> = new Set();
/** How much of what is left beside a plain request one item must explain for the message to be about that item. */
const REST_COVERAGE = 0.3;

/**
 * Read a free-text message: a request for one of the bot's actions, a
 * question about an item, or either (then the bot asks back). A request
 * whose words, once its cue words are taken out, still name an item clearly
 * is about that item ("còn thiếu mục công khai ngân sách trên trang thông tin
 * thì trừ điểm chỗ nào" asks about the web-page item, not what is missing).
 */
export function readMessage(text: string, rulesetIds: readonly string[], search: ItemSearch): Reading {
  const request = requestOf(text);
  if (request) {
    const { action } = request;
    const code = codeIn(text);
    const exact = code ? search.find(text, rulesetIds) : null;
    const item = exact?.kind === "item" && exact.hit.score === Infinity ? exact.hit.node.code : null;
    // "nộp minh chứng cho 2.1", "điểm 4.14 của xã em": the request, for that item.
    if (item && (ABOUT_SUBMITTING.has(action) || action === "score")) return { kind: "request", action, code: item };
    if (code && ABOUT_SUBMITTING.has(action)) return { kind: "request", action };
    // Small numbers left in the rest are counts ("nộp 2 số liệu"), never a code; longer ones may name an item ("1022").
    const rest = request.rest.replace(/\b\d{1,2}([.,]\d+)*\b/g, " ");
    const named = code ? search.find(text, rulesetIds) : search.find(rest, rulesetIds);
    const found = named.kind === "item" || named.kind === "choose";
    const focus = (named.kind === "item" || named.kind === "choose") && named.focus ? named.focus : FOCUS_OF_ACTION[action] ?? null;
    // A hint of a request ("khi nào", "ad ơi" before a question) gives way to any item the rest names.
    if (request.weak && found) return { ...named, focus };
    // A request said plainly stays one, unless what is left names an item in words of its own (two or more): a
    // question about its deadline or what it takes is about that item; a greeting or a thank-you needs a clear one.
    // Mostly item words: the best item covers at least half of what is left (not "kiểm tra giúp", "danh sách").
    const mostlyItem = (search.explain(rest, rulesetIds)[0]?.coverage ?? 0) >= REST_COVERAGE;
    const substantial = code !== null || (meaningfulWords(rest, NO_WORDS).length >= 2 && mostlyItem);
    if (!found || !substantial) return { kind: "request", action };
    const hits = named.kind === "item" ? [named.hit] : named.hits;
    // "điểm an toàn thông tin của sở mình": the unit's points on it, or how it is scored? Asked back.
    if (action === "score" && !code) return { kind: "ask_back", action, hits, focus: "points" };
    if (ABOUT_SUBMITTING.has(action)) return { ...named, focus };
    if (ITEM_QUESTION.has(action)) return { ...named, focus };
    // A greeting or a thank-you before a question: the question, when it asks something of one item.
    const asks = focusOf(text) !== null || /\?/.test(text);
    if (named.kind === "item" && CLEAR_ITEM.has(action) && asks) return { ...named, focus };
    return { kind: "request", action };
  }
  const answer = search.find(text, rulesetIds);
  // "điểm an toàn thông tin" alone: the unit's points on it, or how the item is scored? Asked back.
  if ((answer.kind === "item" || answer.kind === "choose") && !focusOf(text) && !codeIn(text) && /^(diem|score|points?)\b/.test(fold(text))) {
    return { kind: "ask_back", action: "score", hits: answer.kind === "item" ? [answer.hit] : answer.hits, focus: null };
  }
  return answer;
}
