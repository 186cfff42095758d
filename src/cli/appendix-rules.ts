import { fold } from "../scoring/index.js";

/** A rule guessed from an appendix's "cách tính điểm" text, in YAML shape. */
export interface GuessedRule {
  readonly input: string | { kind: string; unit?: string };
  readonly rule: Record<string, unknown>;
  /** False when nothing was recognised and the item falls back to directly assigned points. */
  readonly recognised: boolean;
}

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const toNumber = (s: string): number => Number(s.replace(",", "."));

function tiers(text: string, max: number): GuessedRule | null {
  const pattern = new RegExp(String.raw`(?:tu |>= ?|≥ ?)?${NUMBER}[^;:\d→=]{0,30}?(?::|→|=>|=|-)\s*${NUMBER}\s*diem`, "g");
  const found = [...text.matchAll(pattern)].map((m) => ({ atLeast: toNumber(m[1]!), points: toNumber(m[2]!) }));
  const usable = found.filter((t) => t.points <= max);
  if (usable.length < 2) return null;
  usable.sort((a, b) => b.atLeast - a.atLeast);
  const distinct = usable.filter((t, i) => i === 0 || t.atLeast < usable[i - 1]!.atLeast);
  const monotone = distinct.every((t, i) => i === 0 || t.points <= distinct[i - 1]!.points);
  if (!monotone || distinct.length < 2) return null;
  return { input: "count", rule: { type: "tiers", tiers: distinct.filter((t) => t.points > 0) }, recognised: true };
}

/**
 * Guess the rule type from the wording of a decision's appendix. Only the
 * common, unambiguous phrasings are recognised; the result is marked
 * `inferred` in the YAML for a person to review.
 */
export function guessRule(ruleText: string, max: number): GuessedRule {
  const text = fold(ruleText);
  const money = /kinh phi|ngan sach|dong|ty dong|trieu/.test(text);
  if (max === 0 || /khong tinh diem|khong cham diem|chi thu thap/.test(text)) {
    return { input: "count", rule: { type: "not_scored" }, recognised: max === 0 };
  }
  if (/(doan|hoi dong|to) (tham dinh|kiem tra|danh gia)[^.;]*cham|cham truc tiep/.test(text)) {
    return { input: "points", rule: { type: "assigned" }, recognised: true };
  }
  if (/cao nhat/.test(text)) {
    return { input: money ? { kind: "money", unit: "đồng" } : "count", rule: { type: "normalise_to_best" }, recognised: true };
  }
  const perItem = new RegExp(String.raw`moi [^.;]*?${NUMBER} diem[^.;]*toi da`).exec(text);
  if (perItem) return { input: "count", rule: { type: "per_item", each: toNumber(perItem[1]!) }, recognised: true };
  const tiered = tiers(text, max);
  if (tiered) return tiered;
  if (/ty le|ti le|a\/b|chia cho|tren tong so/.test(text)) {
    const target = /(\d+(?:[.,]\d+)?)\s*% tro len/.exec(text);
    const rule = target ? { type: "ratio", fullAt: toNumber(target[1]!) / 100 } : { type: "ratio" };
    return { input: "fraction", rule, recognised: true };
  }
  if (/\bco\b/.test(text) && /\bkhong\b|\bchua\b/.test(text)) {
    return { input: "yes_no", rule: { type: "yes_no" }, recognised: true };
  }
  return { input: "points", rule: { type: "assigned" }, recognised: false };
}
