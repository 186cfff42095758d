import { fold } from "../../scoring/index.js";

/**
 * How the bot reads the words of a question. Vietnamese typed without
 * diacritics folds several words together ("mấy" how many, "máy" machine →
 * "may"; "chỉ" and "chi" spend → "chi"; "tôi" I and "tối" evening → "toi"):
 * a word typed with its diacritics is judged as typed; one typed without is
 * a question word only when no item uses its folded form for content.
 */

/** Question and function words, as written with diacritics: they say nothing about which item is meant. */
const QUESTION_WORDS = [
  "là", "gì", "cái", "cách", "tính", "được", "bao", "nhiêu", "như", "thế", "nào", "của", "và", "có", "không", "cho", "về", "hỏi", "xin",
  "biết", "tôi", "em", "anh", "chị", "ạ", "ơi", "ad", "này", "đó", "mấy", "sao", "vậy", "thì", "mình", "bên", "với", "những", "các", "một",
  "để", "phải", "cần", "làm", "khi", "đâu", "ở", "ra", "vào", "lại", "đã", "đang", "sẽ", "rồi", "nhé", "nha", "nhỉ", "hả", "à", "ừ", "dạ",
  "vâng", "ạh", "luôn", "nữa", "vụ", "kiểu", "đây", "kia", "thôi", "mà", "nè", "hen", "nhờ", "giúp", "giùm", "dùm",
  "điểm", "thang", "tối", "đa", "ai", "bạn", "bot", "mọi", "hay", "hoặc", "nếu", "vì", "do", "nên", "theo", "trong",
  "trên", "dưới", "từ", "đến", "tới", "bị", "thấy", "muốn", "nói", "xem", "thử", "ok", "oke", "uh", "hic", "huhu", "đúng", "sai", "ví", "dụ",
  "what", "is", "how", "many", "points", "the", "of", "a", "an", "to", "for", "do", "does", "we", "our", "my", "i", "item", "indicator",
  "count", "counted", "score", "scored", "about", "please", "tell", "me", "which", "in", "on", "and", "or", "it", "this", "that", "are", "be",
];
const STOP_EXACT = new Set(QUESTION_WORDS);
const STOP_FOLDED = new Set(QUESTION_WORDS.map(fold));

/** One word of a question: as typed (lower case, NFC) and folded; `accented` when it carries any diacritic. */
export interface Word {
  readonly exact: string;
  readonly folded: string;
  readonly accented: boolean;
}

export function wordsOf(text: string): Word[] {
  return (text.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((exact) => {
    const folded = fold(exact);
    return { exact, folded, accented: folded !== exact };
  });
}

/**
 * The words that can say which item is meant, folded. `content` holds the
 * folded words the items use: a question word typed without diacritics that
 * is also one of them ("may" for "máy tính") is kept, as "uncertain".
 */
export function meaningfulWords(text: string, content: ReadonlySet<string>): { folded: string; uncertain: boolean }[] {
  const out: { folded: string; uncertain: boolean }[] = [];
  for (const w of wordsOf(text)) {
    if (w.accented ? STOP_EXACT.has(w.exact) : STOP_FOLDED.has(w.folded)) {
      if (!w.accented && content.has(w.folded)) out.push({ folded: w.folded, uncertain: true });
      continue;
    }
    out.push({ folded: w.folded, uncertain: false });
  }
  return out;
}

export const isQuestionWord = (folded: string): boolean => STOP_FOLDED.has(folded);

/** Chat shorthand, as officers type it ("dv mình dc bn điểm", "ko", "ntn"), each a whole word. */
const SHORTHAND: ReadonlyMap<string, string> = new Map([
  ["dv", "đơn vị"], ["dc", "được"], ["dk", "được"], ["đc", "được"], ["ko", "không"], ["k", "không"], ["hok", "không"], ["khum", "không"],
  ["kg", "không"], ["hong", "không"], ["ntn", "như thế nào"], ["bn", "bao nhiêu"], ["sl", "số liệu"], ["cs", "chỉ số"], ["mk", "mình"],
  ["e", "em"], ["vs", "với"], ["j", "gì"], ["camon", "cảm ơn"],
  // A photo, not the pronoun "anh" it folds to.
  ["ảnh", "hình ảnh"],
]);

/** The text with chat shorthand spelled out, the rest as typed. */
export function spelledOut(text: string): string {
  return text.replace(/[\p{L}\p{N}]+/gu, (word) => SHORTHAND.get(word.toLowerCase()) ?? word);
}

/** Words that only say "an item" ("chỉ số", "tiêu chí", "mục"): taken out before the question's words are matched. */
const ITEM_WORDS = /\b(chi so|chi tieu|tieu chi|tieu muc|muc|indicator|item|criterion)\b/g;

/**
 * The terms a text is matched by, folded: its meaningful words and each pair
 * of neighbouring ones ("hop_giay"), within one stretch of text (a comma, a
 * bar or a bracket ends a stretch, so no pair spans two phrases). Pairs carry
 * Vietnamese meaning: "kết hôn" is not about "kết nối" or "hơn", though each
 * syllable alone matches. Short numbers are left out (content, never a match).
 */
export function termsOf(text: string, content?: ReadonlySet<string>): { term: string; uncertain: boolean }[] {
  const out: { term: string; uncertain: boolean }[] = [];
  for (const stretch of text.split(/[|,.;:()\n!?/]+/)) {
    const words = (content ? meaningfulWords(stretch, content) : plainWords(stretch)).filter((w) => keptNumber(w.folded, content));
    for (const w of words) out.push({ term: w.folded, uncertain: w.uncertain });
    for (let i = 0; i + 1 < words.length; i += 1) {
      out.push({ term: `${words[i]!.folded}_${words[i + 1]!.folded}`, uncertain: words[i]!.uncertain || words[i + 1]!.uncertain });
    }
  }
  return out;
}

/**
 * A number is content ("2 cuộc họp"), never a match, unless it is a long one
 * an item itself names (a hotline "1022", a decree "13"-digit numbers aside):
 * in an item's text every number of three digits or more is kept; in a
 * question, only those some item uses.
 */
function keptNumber(folded: string, content: ReadonlySet<string> | undefined): boolean {
  if (!/^\d+$/.test(folded)) return true;
  return folded.length >= 3 && (content === undefined || content.has(folded));
}

/** An item's own text: written with diacritics, so each word is judged as written. */
function plainWords(text: string): { folded: string; uncertain: boolean }[] {
  return wordsOf(text).filter((w) => !STOP_EXACT.has(w.exact)).map((w) => ({ folded: w.folded, uncertain: false }));
}

/** What the person wants to know about an item, which decides what the card shows first. */
export type Focus = "points" | "evidence" | "how" | "deadline" | "achieve";

const FOCUS: readonly (readonly [Focus, RegExp])[] = [
  ["achieve", /\b(lam (sao|the nao|gi|cach nao) (de )?(dat|duoc|len|co) (du |toi da |het |full |tron )?(diem)?|de (dat|duoc) (du |toi da |het |full )?diem|dat (diem )?toi da|full diem|max diem|how (do|can) we (get|reach|score))\b/],
  ["evidence", /\b(minh chung|can (nhung |cac )?(giay to|ho so|tai lieu|van ban)( gi| nao)?|(giay to|ho so|tai lieu|van ban) (gi|nao)|tai lieu kiem chung|kiem chung|de chung minh|chung minh (bang|the nao|ra sao)|chung tu|evidence|proof|what documents?)\b/],
  ["deadline", /\b(han (nop|chot|cuoi)|khi nao|bao gio|ngay nao|truoc ngay|deadline|due)\b/],
  ["points", /\b(bao nhieu diem|may diem|diem toi da|toi da|thang diem|duoc (bao nhieu|may) diem|chiem (bao nhieu|may)|max( points)?|how many points|worth)\b/],
  ["how", /\b(tinh (sao|the nao|nhu the nao|ra sao|nhu nao|diem|kieu gi)|cach tinh|cong thuc|cham (diem )?(the nao|sao|ra sao)|how (is|are|do you) .*(calculat|comput|count|scor))\b/],
];

const FOCI: ReadonlySet<string> = new Set<Focus>(["points", "evidence", "how", "deadline", "achieve"]);
export const isFocus = (value: string | undefined): value is Focus => value !== undefined && FOCI.has(value);

/** The first thing asked about (a question may ask several), or null when it only names an item. */
export function focusOf(text: string): Focus | null {
  const folded = fold(text);
  return FOCUS.find(([, pattern]) => pattern.test(folded))?.[0] ?? null;
}

/** Folded letter by letter, so positions in it are positions in the text (fold() also collapses spaces). */
function foldInPlace(text: string): string {
  return text.replace(/[^\s]/gu, (ch) => {
    const folded = fold(ch);
    return folded.length === ch.length ? folded : ch;
  });
}

/**
 * The text with what the patterns (written for folded text) match blanked
 * out, keeping the rest as typed, diacritics included.
 */
export function blanked(text: string, patterns: readonly RegExp[]): string {
  const original = text.normalize("NFC");
  let folded = foldInPlace(original).toLowerCase();
  if (folded.length !== original.length) folded = original.toLowerCase();
  const keep = [...original];
  const units = Array.from(original, (ch) => ch.length);
  for (const pattern of patterns) {
    for (const m of folded.matchAll(new RegExp(pattern.source, "g"))) {
      // From code-unit positions to code-point positions.
      let unit = 0;
      for (let i = 0; i < keep.length; i += 1) {
        if (unit >= m.index && unit < m.index + m[0].length) keep[i] = " ";
        unit += units[i]!;
      }
    }
  }
  return keep.join("");
}

/** The question without the words that say what is wanted ("cần những giấy tờ gì", "tối đa bao nhiêu điểm") or only say "an item". */
export function withoutFocusWords(text: string): string {
  return blanked(text, [...FOCUS.map(([, p]) => p), ITEM_WORDS]);
}

/** What follows a number that makes it an amount, not a code. */
const AMOUNT_AFTER = "(?!\\s*(?:%|(?:phan tram|nguoi|ho|can bo|cuoc|lan|diem|ngay|thang|nam|van ban|ty|trieu|dong|nghin|ngan|gb|mb|km|ha)\\b))";

/**
 * An item code in a question, only where it is shaped or placed like one:
 * after "chỉ số", "mục", "tiêu chí"… ("chỉ số 2.1", "mục 4.14", "tiêu chí 3"),
 * leading the message ("2.1 là gì", "6,2 tính sao": a decimal comma reads as
 * the code 6.2), the whole message, right before a question about it, or
 * written with a dot anywhere ("điểm 4.14 của xã em": `inline`, a code only
 * if the set has it). A number inside a sentence ("2 cuộc họp", "1 cán bộ",
 * "6,2 tỷ") is content.
 */
export function codeIn(text: string): { code: string; placed: "marker" | "leading" | "inline" } | null {
  // "mức 2" (a level) folds to "muc 2" like "mục 2" (an item): read a marker typed with its diacritics as typed.
  const folded = ` ${fold(text.normalize("NFC").replace(/mức(?=\s*\d)/giu, "level"))} `;
  const code = "(\\d{1,2}(?:[.,]\\d{1,2}){0,2})";
  // "DTI-28": how some provinces' tracking sheets label their items.
  const marker = new RegExp(`\\b(?:chi so|chi tieu|tieu chi|muc|tieu muc|noi dung|nhom|item|indicator|code|ma|dti\\s*-?)\\s*(?:so\\s*)?${code}(?![\\d.,]*\\d)${AMOUNT_AFTER}`);
  const m = marker.exec(folded);
  if (m) return { code: m[1]!.replace(/,/g, "."), placed: "marker" };
  // Leading: a dotted (or comma) code, or a bare number followed by a question about it or nothing.
  const leading = /^\s*(\d{1,2}(?:[.,]\d{1,2}){1,2})(?=\s|$|[?:=])/.exec(folded) ?? /^\s*(\d{1,2})\s*(?:\?|$|la gi|tinh (?:sao|the nao)|nghia la)/.exec(folded);
  if (leading) return { code: leading[1]!.replace(/,/g, "."), placed: "leading" };
  // Inside a sentence, a dotted code only right before a question about it ("cho hỏi 6.2 là gì").
  const asked = /\s(\d{1,2}(?:[.,]\d{1,2}){1,2})\s+(?:la gi|tinh (?:sao|the nao)|nghia la|la chi so gi|can (?:gi|nhung gi))/.exec(folded)
    ?? /\b(?:what is|what s|explain|about)\s+(\d{1,2}(?:\.\d{1,2}){0,2})\b/.exec(folded);
  if (asked) return { code: asked[1]!.replace(/,/g, "."), placed: "leading" };
  // Anywhere else, a code written with a dot ("điểm 4.14 của xã em"), not a figure ("= 6.2"), an amount
  // ("6.2 tỷ") or a version ("4.0"): a code only if the set has it (the search decides), never a "not in the set".
  const inline = new RegExp(`(?<![\\d.,=])([1-9]\\d?\\.[1-9]\\d?(?:\\.[1-9]\\d?)?)(?![\\d.,]*\\d)${AMOUNT_AFTER}`).exec(folded);
  if (inline) return { code: inline[1]!, placed: "inline" };
  return null;
}
