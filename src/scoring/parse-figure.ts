import { compareQ, q, qFromDecimal, type Q } from "./exact.js";
import { fold } from "./fold.js";
import { matchOptions } from "./parse-choice.js";
import { readNumber, type Expect } from "./parse-number.js";
import type { Figure, InputKind, Option, RulesetNode } from "./types.js";

/**
 * Why a text is not a figure for an item. Each variant carries what the
 * reply needs to say what was expected.
 */
export type ParseError =
  | { readonly code: "empty" }
  | { readonly code: "not_a_number"; readonly expected: InputKind }
  | { readonly code: "negative" }
  | { readonly code: "too_long" }
  | { readonly code: "ambiguous_number"; readonly text: string; readonly readings: readonly [number, number] }
  | { readonly code: "ambiguous_percent"; readonly value: number }
  | { readonly code: "not_integer"; readonly value: number }
  | { readonly code: "out_of_range"; readonly value: number; readonly min: number; readonly max: number }
  | { readonly code: "zero_denominator" }
  | { readonly code: "numerator_exceeds"; readonly a: number; readonly b: number }
  | { readonly code: "expected_yes_no" }
  | { readonly code: "unknown_choice"; readonly options: readonly Option[] }
  | { readonly code: "ambiguous_choice"; readonly options: readonly Option[] }
  | { readonly code: "single_choice"; readonly options: readonly Option[] }
  | { readonly code: "not_applicable_refused" }
  | { readonly code: "no_input" };

export type ParseResult =
  | { readonly ok: true; readonly figure: Figure }
  | { readonly ok: false; readonly error: ParseError };

const fail = (error: ParseError): ParseResult => ({ ok: false, error });
const ok = (figure: Figure): ParseResult => ({ ok: true, figure });

const YES = new Set(["co", "yes", "y", "x", "da", "roi", "dat", "1", "true", "ok", "co a", "da co", "co roi", "da thuc hien", "co thuc hien"]);
const NO = new Set(["khong", "ko", "k", "no", "n", "chua", "0", "false", "khong dat", "chua co", "khong co", "chua thuc hien", "khong thuc hien"]);
const NOT_APPLICABLE = new Set(["dac thu", "khong ap dung", "n/a", "na", "kad", "not applicable", "khong thuoc chuc nang nhiem vu"]);

/** Scale words, folded: money and counts ("1,5 tỷ", "2 nghìn người"). */
const SCALE_WORDS: readonly [RegExp, number][] = [
  [/^(ty|ti|billion|bn)$/, 1e9],
  [/^(trieu|tr|million|m)$/, 1e6],
  [/^(nghin|ngan|k|thousand)$/, 1e3],
];

/** Trailing words people add: units, "đồng", a final full stop. */
function splitNumberAndWords(text: string): { number: string; words: string } {
  const match = /^([+\-−–]?[\d\s.,\u00a0\u202f]*\d[.,]?\d*)\s*(.*)$/su.exec(text);
  if (!match) return { number: text, words: "" };
  return { number: match[1]!.trim(), words: fold(match[2]!).replace(/[.;!]+$/, "").trim() };
}

function readValue(text: string, expect: Expect, kind: InputKind): ParseResult | Q {
  const reading = readNumber(text, expect);
  if (reading.ok) return reading.value;
  switch (reading.problem) {
    case "ambiguous":
      return fail({ code: "ambiguous_number", text, readings: reading.readings });
    case "negative":
      return fail({ code: "negative" });
    case "too_long":
      return fail({ code: "too_long" });
    default:
      return fail({ code: "not_a_number", expected: kind });
  }
}

const isQ = (x: ParseResult | Q): x is Q => "n" in x;
const num = (x: Q): number => x.n / x.d;

function within(value: Q, min: number, max: number): ParseResult | null {
  if (compareQ(value, qFromDecimal(max)) > 0 || compareQ(value, qFromDecimal(min)) < 0) {
    return fail({ code: "out_of_range", value: num(value), min, max });
  }
  return null;
}

function parseFraction(text: string, kind: InputKind, emptyFull = false): ParseResult | null {
  const match = /^(.+?)\s*(?:\/|:|tren|trên)\s*(.+)$/iu.exec(text);
  if (!match) return null;
  const a = readValue(match[1]!, "integer", kind);
  if (!isQ(a)) return a;
  const b = readValue(match[2]!, "integer", kind);
  if (!isQ(b)) return b;
  if (a.d !== 1) return fail({ code: "not_integer", value: num(a) });
  if (b.d !== 1) return fail({ code: "not_integer", value: num(b) });
  // "No cases counts as full": 0/0 is a full share, and says it had no cases.
  if (b.n === 0 && a.n === 0 && emptyFull) return ok({ kind: "share", value: q(1, 1), a: 0, b: 0 });
  if (b.n === 0) return fail({ code: "zero_denominator" });
  if (a.n > b.n) return fail({ code: "numerator_exceeds", a: a.n, b: b.n });
  return ok({ kind: "share", value: q(a.n, b.n), a: a.n, b: b.n });
}

/** Words for "no case arose in the year" ("không phát sinh"), for items where that counts as full. */
const NO_CASES = /^(khong (co )?phat sinh|chua (co )?phat sinh|khong co (truong hop|phan anh|ho so)( nao)?|no cases?)$/;

/** Periodic reports as officers put them: "3 đúng hạn, 1 trễ hạn" (a on time of b sent). */
function parseReports(folded: string): ParseResult | null {
  const onTime = /(\d+)\s*(?:bao cao\s*)?(?:dung han|dung thoi han|on time)/.exec(folded);
  const late = /(\d+)\s*(?:bao cao\s*)?(?:tre|cham|qua) ?(?:han)?|(?:tre|cham) ?(?:han)?\s*(\d+)/.exec(folded);
  if (!onTime && !late) return null;
  const a = Number(onTime?.[1] ?? 0);
  const b = a + Number(late?.[1] ?? late?.[2] ?? 0);
  return ok({ kind: "share", value: b === 0 ? q(0, 1) : q(a, b), a, b });
}

function parseShare(text: string, kind: InputKind, item?: RulesetNode): ParseResult {
  const rule = item?.rule;
  const emptyFull = rule?.type === "ratio" && rule.emptyFull === true;
  if (emptyFull && NO_CASES.test(fold(text))) return ok({ kind: "share", value: q(1, 1), a: 0, b: 0 });
  if (rule?.type === "per_report") {
    const reports = parseReports(fold(text));
    if (reports) return reports;
  }
  const fraction = parseFraction(text, kind, emptyFull);
  if (fraction) return fraction;
  const hasPercent = /%\s*$/.test(text) || /\s(phan tram|phần trăm)$/iu.test(text);
  const body = text.replace(/\s*(%|phan tram|phần trăm)\s*$/iu, "");
  const value = readValue(body, "decimal", kind);
  if (!isQ(value)) return value;
  if (kind === "index_value" && !hasPercent) {
    return within(value, 0, 1) ?? ok({ kind: "share", value });
  }
  // A bare 0,85 for a percent item may mean 0,85% or 85%: ask.
  if (!hasPercent && value.n > 0 && value.n < value.d) return fail({ code: "ambiguous_percent", value: num(value) });
  return within(value, 0, 100) ?? ok({ kind: "share", value: q(value.n, value.d * 100) });
}

function parseAmount(text: string, kind: InputKind, item: RulesetNode): ParseResult {
  const { number, words } = splitNumberAndWords(text);
  let scale = 1;
  let rest = words;
  const first = words.split(" ")[0] ?? "";
  const found = kind === "points" ? undefined : SCALE_WORDS.find(([re]) => re.test(first));
  if (found) {
    scale = found[1];
    rest = words.slice(first.length).trim();
  }
  if (kind === "money") rest = rest.replace(/^(dong|d|vnd|vnđ)$/, "");
  // A count may carry its unit ("3 cuộc họp"); money and points take no other words, and
  // nothing takes a percent or a fraction.
  if ((kind !== "count" && rest !== "") || /^[%/]|^(tren|phan tram)\b/.test(rest)) {
    return fail({ code: "not_a_number", expected: kind });
  }
  const expect: Expect = kind === "points" || scale > 1 ? "decimal" : "integer";
  const value = readValue(number, expect, kind);
  if (!isQ(value)) return value;
  const scaled = q(value.n * scale, value.d);
  if (kind === "count" && scaled.d !== 1) return fail({ code: "not_integer", value: num(scaled) });
  const max = kind === "points" ? item.maxPoints ?? item.input?.max : item.input?.max;
  if (max !== undefined && max !== null) {
    const range = within(scaled, 0, max);
    if (range) return range;
  }
  return ok({ kind: "amount", value: scaled });
}

function parseYesNo(folded: string): ParseResult {
  if (YES.has(folded)) return ok({ kind: "yes_no", yes: true });
  if (NO.has(folded)) return ok({ kind: "yes_no", yes: false });
  return fail({ code: "expected_yes_no" });
}

function ruleOptions(item: RulesetNode): { options: readonly Option[]; multiple: boolean } {
  const rule = item.rule;
  if (rule?.type === "levels") return { options: rule.levels, multiple: false };
  if (rule?.type === "parts") return { options: rule.parts, multiple: true };
  return { options: [], multiple: false };
}

/**
 * Turn what an officer typed into a figure for one item, following the
 * item's input kind. Never throws: bad input gets a specific error.
 * Accepts NFC and NFD text alike.
 */
export function parseFigure(input: string, item: RulesetNode): ParseResult {
  // A sentence-final full stop ("12.", "85%.") is punctuation, not part of the number.
  const text = input.normalize("NFC").trim().replace(/[.;!]+$/, "").trim();
  if (text === "") return fail({ code: "empty" });
  const folded = fold(text);
  if (NOT_APPLICABLE.has(folded)) {
    const na = item.notApplicable;
    return na.allowed ? ok({ kind: "not_applicable" }) : fail({ code: "not_applicable_refused" });
  }
  const kind = item.input?.kind;
  if (!kind) return fail({ code: "no_input" });
  switch (kind) {
    case "percent":
    case "fraction":
    case "index_value":
      return parseShare(text, kind, item);
    case "count":
    case "money":
    case "points":
      return parseAmount(text, kind, item);
    case "yes_no":
      return parseYesNo(folded);
    case "choice": {
      const { options, multiple } = ruleOptions(item);
      const matched = matchOptions(folded, options, multiple);
      if (matched.ok) return ok({ kind: "choice", ids: matched.ids });
      // For parts, a plain "có"/"không" (in words, not "1" or "x", which name options) means all or none.
      if (multiple && !/^\d|^x$/.test(folded)) {
        const yesNo = parseYesNo(folded);
        if (yesNo.ok && yesNo.figure.kind === "yes_no") return ok({ kind: "choice", ids: yesNo.figure.yes ? options.map((o) => o.id) : [] });
      }
      return fail({ code: matched.problem, options });
    }
  }
}
