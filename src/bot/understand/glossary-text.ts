import type { Glossary } from "../../rulesets/index.js";
import { fold } from "../../scoring/index.js";

/** A letter or digit, or the joiners an abbreviation may carry ("KH&CN", "KT-XH"). */
const EDGE_BEFORE = "(?<![\\p{L}\\p{N}])";
const EDGE_AFTER = "(?![\\p{L}\\p{N}])";
const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export interface Expander {
  /** The text with each abbreviation or borrowed word followed by what it stands for ("CĐS" → "CĐS chuyển đổi số"). */
  expand(text: string): string;
}

/**
 * Reads the glossary into matchers over folded text, longest first: officers
 * write "CĐS", "CDS" or "cds" alike. Short abbreviations that are also
 * Vietnamese words ("AI" and "ai", who) count only in capitals.
 */
export function createExpander(glossary: Glossary): Expander {
  const entries = [
    ...[...glossary.abbreviations].map(([key, values]) => ({ key, values, exactCase: key.length <= 2 && /[aeiouy]/i.test(key) })),
    ...[...glossary.terms].map(([key, values]) => ({ key, values, exactCase: false })),
  ].sort((a, b) => b.key.length - a.key.length);
  const matchers = entries.map((e) => ({
    pattern: e.exactCase
      ? new RegExp(`${EDGE_BEFORE}${escape(e.key)}${EDGE_AFTER}`, "gu")
      : new RegExp(`${EDGE_BEFORE}${escape(fold(e.key))}${EDGE_AFTER}`, "gu"),
    exactCase: e.exactCase,
    values: e.values,
  }));
  return {
    expand(text) {
      // What a longer entry matched is blanked out, so "KH&CN" does not also read as "KH".
      let folded = fold(text);
      let exact = text;
      const added: string[] = [];
      for (const m of matchers) {
        const target = m.exactCase ? exact : folded;
        const blanked = target.replace(m.pattern, (hit) => " ".repeat(hit.length));
        if (blanked === target) continue;
        added.push(...m.values);
        if (m.exactCase) exact = blanked;
        else folded = blanked;
      }
      // Each expansion is a stretch of its own ("|"), so no word pair spans the question and an expansion.
      return added.length === 0 ? text : `${text} | ${added.join(" | ")}`;
    },
  };
}
