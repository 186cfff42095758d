import { readFileSync, statSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { findRulesetFiles, GLOSSARY_FILE } from "./load.js";

/** The field's abbreviations and borrowed words, with what they stand for (rulesets/glossary.yaml). */
export interface Glossary {
  /** "CĐS" → ["chuyển đổi số"]; keys as written (case and diacritics kept). */
  readonly abbreviations: ReadonlyMap<string, readonly string[]>;
  /** "scan" → ["số hoá", "quét"]; keys lower case. */
  readonly terms: ReadonlyMap<string, readonly string[]>;
}

const schema = z.object({
  abbreviations: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)).default({}),
  terms: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)).default({}),
}).strict();

export const EMPTY_GLOSSARY: Glossary = { abbreviations: new Map(), terms: new Map() };

/** Every glossary.yaml under `path`, merged (a province's own entries add to the shared ones). */
export function loadGlossary(path: string): Glossary {
  const abbreviations = new Map<string, string[]>();
  const terms = new Map<string, string[]>();
  if (statSync(path).isFile()) return EMPTY_GLOSSARY;
  for (const file of findRulesetFiles(path, (name) => GLOSSARY_FILE.test(name))) {
    const parsed = schema.safeParse(parse(readFileSync(file, "utf8")));
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    for (const [key, values] of Object.entries(parsed.data.abbreviations)) abbreviations.set(key.normalize("NFC"), [...(abbreviations.get(key) ?? []), ...values]);
    for (const [key, values] of Object.entries(parsed.data.terms)) terms.set(key.normalize("NFC").toLowerCase(), [...(terms.get(key) ?? []), ...values]);
  }
  return { abbreviations, terms };
}
