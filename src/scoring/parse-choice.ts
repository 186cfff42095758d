import { fold } from "./fold.js";
import type { Option } from "./types.js";

export type ChoiceMatch =
  | { readonly ok: true; readonly ids: readonly string[] }
  | { readonly ok: false; readonly problem: "unknown_choice" | "ambiguous_choice" | "single_choice" };

const ALL = new Set(["tat ca", "ca hai", "ca 2", "day du", "du", "all", "both"]);
const NEGATION = /\b(khong|chua|ko)\b/;
const NONE = new Set(["khong", "khong co", "none", "0"]);

/** Every folded name an option answers to. */
function names(option: Option): string[] {
  return [option.id, option.label, ...option.aliases].map(fold).filter((n) => n.length > 0);
}

/**
 * One typed token against the options: its number in the list ("2"), an
 * exact name, or else the option whose name overlaps the token the most
 * (the longest name wins, so "phó chủ tịch" beats "chủ tịch").
 */
function matchOne(token: string, options: readonly Option[]): Option | "ambiguous" | null {
  const numbered = /^(?:muc |phuong an |lua chon |so )?(\d{1,2})$/.exec(token);
  if (numbered) return options[Number(numbered[1]) - 1] ?? null;
  const exact = options.filter((o) => names(o).includes(token));
  if (exact.length === 1) return exact[0]!;
  if (exact.length > 1) return "ambiguous";
  let best: Option | null = null;
  let bestLength = 0;
  let tie = false;
  for (const option of options) {
    for (const name of names(option)) {
      const overlap = token.includes(name) ? name.length : name.includes(token) && token.length >= 3 ? token.length : 0;
      if (overlap > bestLength) {
        best = option;
        bestLength = overlap;
        tie = false;
      } else if (overlap > 0 && overlap === bestLength && best !== option) {
        tie = true;
      }
    }
  }
  if (tie) return "ambiguous";
  // "không phải giám đốc" contains "giám đốc" but means the opposite: ask rather than pick it.
  if (best && NEGATION.test(token) && !names(best).some((n) => NEGATION.test(n))) return null;
  return best;
}

const SEPARATORS = /\s*(?:,|;|\+|&|\bva\b|\band\b)\s*/;

/** Match a folded answer to one level, or to several parts when `multiple`. */
export function matchOptions(folded: string, options: readonly Option[], multiple: boolean): ChoiceMatch {
  const text = folded;
  if (multiple && ALL.has(text)) return { ok: true, ids: options.map((o) => o.id) };
  if (multiple && NONE.has(text)) return { ok: true, ids: [] };
  const tokens = text.split(SEPARATORS).filter((t) => t.length > 0);
  if (!multiple && tokens.length > 1) {
    // "bí thư, phó chủ tịch" names two levels of a one-level item: ask, do not pick one.
    const named = new Set(tokens.map((t) => matchOne(t, options)).filter((m) => m && m !== "ambiguous"));
    if (named.size > 1) return { ok: false, problem: "single_choice" };
  }
  const ids: string[] = [];
  for (const token of multiple ? tokens : [text]) {
    const match = matchOne(token, options);
    if (match === "ambiguous") return { ok: false, problem: "ambiguous_choice" };
    if (!match) return { ok: false, problem: "unknown_choice" };
    if (!ids.includes(match.id)) ids.push(match.id);
  }
  return { ok: true, ids };
}
