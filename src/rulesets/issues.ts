/** One problem found in a ruleset file; all are collected, never just the first. */
export interface RulesetIssue {
  readonly file: string;
  /** Path inside the document, e.g. ["indices", 3, "children", 13, "max"]. */
  readonly path: readonly (string | number)[];
  /** 1-based line in the file, where the YAML parser could place it. */
  readonly line?: number;
  readonly code: IssueCode;
  /** Values for the localized message (locales/*.ftl, `ruleset-issue-<code>`). */
  readonly params: Readonly<Record<string, string | number>>;
  /** English text that stands alone in a log line. */
  readonly message: string;
}

export type IssueCode =
  | "yaml_syntax"
  | "schema"
  | "unknown_rule_type"
  | "duplicate_code"
  | "duplicate_id"
  | "code_prefix"
  | "max_mismatch"
  | "total_mismatch"
  | "missing_in_full"
  | "rule_input_mismatch"
  | "rule_invalid"
  | "precision"
  | "band_gap"
  | "band_order"
  | "declared_count"
  | "rule_unreviewed";

export type IssueDraft = Omit<RulesetIssue, "file" | "line">;

/** Format a path as people read it: indices[3].children[13].max */
export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((acc, part) => (typeof part === "number" ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), "");
}

/** One line for a log or a terminal: file:line path: message */
export function formatIssue(issue: RulesetIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  const path = formatPath(issue.path);
  return `${where}${path ? ` ${path}` : ""}: ${issue.message}`;
}
