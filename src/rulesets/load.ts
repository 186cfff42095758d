import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { isNode, LineCounter, parseDocument, type Document } from "yaml";
import { z } from "zod";
import type { Ruleset, RulesetNode } from "../scoring/index.js";
import { AppError } from "../errors.js";
import { checkRuleset } from "./check.js";
import { formatIssue, type IssueDraft, type RulesetIssue } from "./issues.js";
import { RULE_TYPES, rulesetSchema, type RawNode, type RawRuleset } from "./schema.js";

export type MessageLocale = "vi" | "en";

/** Every problem of every file, as one error (for start-up). */
export class RulesetError extends AppError {
  readonly issues: readonly RulesetIssue[];

  constructor(issues: readonly RulesetIssue[]) {
    super("RULESET_INVALID", `${issues.length} problem(s) in rulesets:\n${issues.map(formatIssue).join("\n")}`);
    this.issues = issues;
  }
}

export interface LoadResult {
  readonly rulesets: readonly Ruleset[];
  readonly issues: readonly RulesetIssue[];
  /** File each ruleset came from, by id. */
  readonly files: ReadonlyMap<string, string>;
}

function toNode(raw: RawNode, depth: number): RulesetNode {
  return {
    code: raw.code,
    name: raw.name,
    depth,
    ...(raw.measures !== undefined && { measures: raw.measures }),
    ...(raw.howToCount !== undefined && { howToCount: raw.howToCount }),
    ...(raw.evidence !== undefined && { evidence: raw.evidence }),
    evidenceRequired: raw.evidenceRequired,
    keywords: raw.keywords,
    synonyms: raw.synonyms,
    maxPoints: raw.max,
    ...(raw.input !== undefined && { input: raw.input }),
    ...(raw.rule !== undefined && { rule: raw.rule }),
    effect: raw.effect,
    notApplicable: raw.notApplicable,
    inferred: raw.inferred,
    ...(raw.ruleCheck !== undefined && { ruleCheck: raw.ruleCheck }),
    ...(raw.note !== undefined && { note: raw.note }),
    ...(raw.declaredChildren !== undefined && { declaredChildren: raw.declaredChildren }),
    children: raw.children.map((c) => toNode(c, depth + 1)),
  };
}

/** The scoring module's view of a validated ruleset. */
export function toRuleset(raw: RawRuleset): Ruleset {
  return {
    id: raw.id,
    title: raw.title,
    province: raw.province,
    decision: raw.decision,
    version: raw.version,
    unitKinds: raw.unitKinds,
    totalPoints: raw.totalPoints,
    completeness: raw.completeness,
    illustrative: raw.illustrative,
    draft: raw.status === "draft",
    historical: raw.status === "historical",
    ...(raw.summary !== undefined && { summary: raw.summary }),
    declared: raw.declared,
    sources: raw.sources,
    notes: raw.notes,
    indices: raw.indices.map((n) => toNode(n, 0)),
    classification: raw.classification,
    rounding: raw.rounding,
    adjustments: raw.adjustments,
    process: raw.process,
  };
}

function lineOf(doc: Document, counter: LineCounter, path: readonly (string | number)[]): number | undefined {
  for (let len = path.length; len >= 0; len -= 1) {
    const node = doc.getIn(path.slice(0, len), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

function schemaIssues(error: z.ZodError, doc: Document, locale: MessageLocale): IssueDraft[] {
  const drafts: IssueDraft[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    const last = path[path.length - 1];
    const parentKey = path[path.length - 2];
    if (last === "type" && parentKey === "rule" && issue.code === "invalid_value") {
      const type = String(doc.getIn(path));
      drafts.push({
        path, code: "unknown_rule_type", message: `unknown rule type "${type}"; known types: ${RULE_TYPES.join(", ")}`,
        params: { type, known: RULE_TYPES.join(", ") },
      });
      continue;
    }
    const detail = locale === "vi" ? z.locales.vi().localeError(issue as never) : issue.message;
    const text = typeof detail === "string" ? detail : detail?.message ?? issue.message;
    if (issue.code === "unrecognized_keys") {
      // One issue per unknown key, placed on the key itself (a typo is found where it was typed).
      for (const key of issue.keys) drafts.push({ path: [...path, key], code: "schema", message: `unknown key "${key}"`, params: { detail: text } });
      continue;
    }
    drafts.push({ path, code: "schema", message: issue.message, params: { detail: text } });
  }
  return drafts;
}

/** Optional keys of an item that can be dropped so the rest of the file can still be checked. */
const DROPPABLE = new Set([
  "rule", "input", "notApplicable", "keywords", "synonyms", "evidenceRequired", "effect", "inferred", "ruleCheck", "note",
  "measures", "howToCount", "evidence", "declaredChildren",
]);

/** Neutral stand-ins for broken top-level parts: the checks that need them are skipped, the others still run. */
const TOP_LEVEL_STAND_INS: Record<string, unknown> = {
  id: "invalid", title: "invalid", version: "invalid", province: { code: "x", name: "x" }, decision: null,
  unitKinds: ["department"], totalPoints: null, completeness: "structure", illustrative: false, status: "reviewed",
  summary: undefined, declared: {}, sources: [], notes: [], rounding: undefined, classification: null,
  adjustments: undefined, process: undefined,
};

type DocPath = readonly (string | number)[];

/**
 * A copy of the document with each schema problem set aside: unknown keys
 * removed, a broken optional part of an item dropped (an invalid max set to
 * null), a broken top-level part replaced by a neutral stand-in. Null when a
 * problem cannot be set aside (e.g. an item without a code).
 */
function repairForChecks(data: unknown, paths: readonly DocPath[]): { data: unknown; dropped: string[] } | null {
  const copy = structuredClone(data) as Record<string, unknown>;
  const dropped: string[] = [];
  for (const path of paths) {
    const top = path[0];
    if (typeof top === "string" && top !== "indices" && top in TOP_LEVEL_STAND_INS) {
      if (TOP_LEVEL_STAND_INS[top] === undefined) delete copy[top];
      else copy[top] = structuredClone(TOP_LEVEL_STAND_INS[top]);
      continue;
    }
    let cut = -1;
    for (let i = 0; i + 1 < path.length; i += 1) {
      const key = path[i];
      if ((key === "indices" || key === "children") && typeof path[i + 1] === "number") cut = i + 2;
    }
    const key = path[cut];
    let target: unknown = copy;
    for (const part of path.slice(0, cut)) target = (target as Record<string | number, unknown> | undefined)?.[part];
    if (cut === -1 || typeof key !== "string" || typeof target !== "object" || target === null) return null;
    const item = target as Record<string, unknown>;
    if (key === "max") item["max"] = null;
    else if (DROPPABLE.has(key) || path.length === cut + 1) delete item[key];
    else return null;
    dropped.push(`${path.slice(0, cut).join(".")}#${key}`);
  }
  return { data: copy, dropped };
}

/** Load and check one ruleset file; every problem is reported. */
export function loadRulesetFile(file: string, options: { locale?: MessageLocale; displayName?: string } = {}): {
  ruleset: Ruleset | null;
  issues: RulesetIssue[];
} {
  const name = options.displayName ?? file;
  const counter = new LineCounter();
  const doc = parseDocument(readFileSync(file, "utf8"), { lineCounter: counter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ruleset: null,
      issues: doc.errors.map((e) => ({
        file: name, path: [], ...(e.linePos?.[0] && { line: e.linePos[0].line }), code: "yaml_syntax" as const,
        params: { detail: e.message.split("\n")[0] ?? e.code }, message: e.message.split("\n")[0] ?? e.code,
      })),
    };
  }
  const data: unknown = doc.toJS();
  const parsed = rulesetSchema.safeParse(data);
  const place = (draft: IssueDraft): RulesetIssue => {
    const line = lineOf(doc, counter, draft.path);
    return { file: name, ...(line !== undefined && { line }), ...draft };
  };
  if (parsed.success) {
    const issues = checkRuleset(parsed.data).map(place);
    return { ruleset: issues.length === 0 ? toRuleset(parsed.data) : null, issues };
  }
  const drafts = schemaIssues(parsed.error, doc, options.locale ?? "vi");
  // Report the arithmetic problems too: drop the broken parts of items and check the rest.
  const repaired = repairForChecks(data, drafts.map((d) => d.path));
  const reparsed = repaired ? rulesetSchema.safeParse(repaired.data) : null;
  if (repaired && reparsed?.success) {
    const dropped = new Set(repaired.dropped);
    // A dropped rule would otherwise be reported a second time as missing.
    const isEcho = (d: IssueDraft): boolean => d.code === "missing_in_full" && dropped.has(`${d.path.join(".")}#${d.params["field"]}`);
    drafts.push(...checkRuleset(reparsed.data).filter((d) => !isEcho(d)));
  }
  return { ruleset: null, issues: drafts.map(place) };
}

/** Files with this name hold the glossary of abbreviations (src/rulesets/glossary.ts), not a ruleset. */
export const GLOSSARY_FILE = /^glossary\.ya?ml$/i;

/** All *.yaml / *.yml files under a path (or the path itself), sorted; glossaries are left out. */
export function findRulesetFiles(path: string, wanted: (name: string) => boolean = (name) => !GLOSSARY_FILE.test(name)): string[] {
  const root = resolve(path);
  if (statSync(root).isFile()) return [root];
  const out: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const full = join(root, entry.name);
    if (entry.isDirectory()) out.push(...findRulesetFiles(full, wanted));
    else if (/\.ya?ml$/i.test(entry.name) && wanted(entry.name)) out.push(full);
  }
  return out.sort();
}

/** Load every ruleset under `path`; ids must be unique across files. */
export function loadRulesets(path: string, options: { locale?: MessageLocale } = {}): LoadResult {
  const rulesets: Ruleset[] = [];
  const issues: RulesetIssue[] = [];
  const files = new Map<string, string>();
  for (const file of findRulesetFiles(path)) {
    const displayName = relative(process.cwd(), file) || file;
    const result = loadRulesetFile(file, { ...options, displayName });
    issues.push(...result.issues);
    if (!result.ruleset) continue;
    const previous = files.get(result.ruleset.id);
    if (previous) {
      issues.push({
        file: displayName, path: ["id"], code: "duplicate_id", message: `ruleset id ${result.ruleset.id} is already used by ${previous}`,
        params: { id: result.ruleset.id, other: previous },
      });
      continue;
    }
    files.set(result.ruleset.id, displayName);
    rulesets.push(result.ruleset);
  }
  return { rulesets, issues, files };
}

/** Load for start-up: any problem stops the service with all of them listed. */
export function loadRulesetsOrThrow(path: string): LoadResult {
  const result = loadRulesets(path, { locale: "en" });
  if (result.issues.length > 0) throw new RulesetError(result.issues);
  return result;
}
