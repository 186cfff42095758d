import { q, type Q } from "./exact.js";

/**
 * Reading numbers the way Vietnamese officers type them: comma for decimals
 * (8,5), dot for thousands (1.234), and the English forms where they cannot
 * be mistaken (85.5, 1,234.5). Where a string has two honest readings
 * ("1.234" for a percent, "1,234" for a count) the caller gets both back and
 * must ask, never guess.
 */
export type NumberReading =
  | { readonly ok: true; readonly value: Q }
  | { readonly ok: false; readonly problem: "not_a_number" | "negative" | "too_long" }
  | { readonly ok: false; readonly problem: "ambiguous"; readonly readings: readonly [number, number] };

/** What the item expects: a whole number (counts, money) or any decimal. */
export type Expect = "integer" | "decimal";

const MAX_DIGITS = 15;

function fromParts(intPart: string, fracPart: string): NumberReading {
  // Both the numerator and the denominator 10^decimals must stay exact integers.
  const whole = intPart.replace(/^0+(?=\d)/, "");
  if (whole.length + fracPart.length > MAX_DIGITS || fracPart.length > MAX_DIGITS) return { ok: false, problem: "too_long" };
  return { ok: true, value: q(Number(whole + fracPart), 10 ** fracPart.length) };
}

const SPACE = /[\s\u00a0\u202f]/;
/** "1 234 567" (or with no-break spaces): a space is only a thousands separator between full groups. */
const SPACED_GROUPS = /^\d{1,3}(?:[\s\u00a0\u202f]\d{3})+(?:[.,]\d+)?$/;

/** "1.234.567" style groups: first 1–3 digits, then groups of exactly 3. */
function isGrouped(text: string, separator: string): boolean {
  const groups = text.split(separator);
  return groups.length > 1 && /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

function ambiguous(text: string, decimalSep: string): NumberReading {
  const [intPart, fracPart] = text.split(decimalSep) as [string, string];
  return { ok: false, problem: "ambiguous", readings: [Number(`${intPart}.${fracPart}`), Number(intPart + fracPart)] };
}

function singleSeparator(text: string, sep: "," | ".", expect: Expect): NumberReading {
  const count = text.split(sep).length - 1;
  if (count > 1) return isGrouped(text, sep) ? fromParts(text.split(sep).join(""), "") : { ok: false, problem: "not_a_number" };
  const [intPart, fracPart] = text.split(sep) as [string, string];
  if (intPart === "" || fracPart === "") return { ok: false, problem: "not_a_number" };
  const looksGrouped = fracPart.length === 3 && !/^0$/.test(intPart) && intPart.length <= 3;
  if (sep === ",") {
    // Vietnamese decimal comma, unless a whole number is expected and it reads as a thousands group.
    if (expect === "integer" && looksGrouped) return ambiguous(text, ",");
    return fromParts(intPart, fracPart);
  }
  // Dot: Vietnamese thousands separator, or an English decimal point.
  if (looksGrouped) return expect === "integer" ? fromParts(intPart + fracPart, "") : ambiguous(text, ".");
  return fromParts(intPart, fracPart);
}

/** Parse one non-negative number. Spaces between digit groups are allowed ("1 234 567"). */
export function readNumber(raw: string, expect: Expect): NumberReading {
  let text = raw.normalize("NFC").trim();
  if (/^[-−–]\s*\d/.test(text)) return { ok: false, problem: "negative" };
  if (SPACE.test(text)) {
    if (!SPACED_GROUPS.test(text)) return { ok: false, problem: "not_a_number" };
    text = text.replace(/[\s\u00a0\u202f]/g, "");
  }
  const body = text.startsWith("+") ? text.slice(1) : text;
  if (!/^\d[\d.,]*$/.test(body) || /[.,]$/.test(body)) return { ok: false, problem: "not_a_number" };
  const hasDot = body.includes(".");
  const hasComma = body.includes(",");
  if (!hasDot && !hasComma) return fromParts(body, "");
  if (hasDot && hasComma) {
    const decimalSep = body.lastIndexOf(",") > body.lastIndexOf(".") ? "," : ".";
    const groupSep = decimalSep === "," ? "." : ",";
    const [intPart, fracPart, extra] = body.split(decimalSep);
    if (extra !== undefined || !intPart || !fracPart || !isGrouped(intPart, groupSep)) {
      return { ok: false, problem: "not_a_number" };
    }
    return fromParts(intPart.split(groupSep).join(""), fracPart);
  }
  return singleSeparator(body, hasDot ? "." : ",", expect);
}
