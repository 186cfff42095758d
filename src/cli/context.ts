import { resolve } from "node:path";
import { createI18n, type I18n, type Locale } from "../i18n/index.js";
import { createCatalog, formatPath, loadRulesets, type Catalog, type RulesetIssue } from "../rulesets/index.js";

/** What every admin command gets: where to write, in which language, and the rulesets. */
export interface CliContext {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly locale: Locale;
  readonly i18n: I18n;
  readonly rulesetsDir: string;
}

export function createContext(options: {
  out?: (line: string) => void;
  err?: (line: string) => void;
  locale: Locale;
  rulesetsDir: string;
  localesDir?: string;
}): CliContext {
  return {
    out: options.out ?? ((line) => process.stdout.write(`${line}\n`)),
    err: options.err ?? ((line) => process.stderr.write(`${line}\n`)),
    locale: options.locale,
    i18n: createI18n(options.localesDir),
    rulesetsDir: resolve(options.rulesetsDir),
  };
}

/** A ruleset issue in the admin's language, as one line. */
export function issueLine(ctx: CliContext, issue: RulesetIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  const path = issue.path.length ? ` ${formatPath(issue.path)}` : "";
  return `${where}${path}: ${ctx.i18n.t(ctx.locale, `ruleset-issue-${issue.code}`, issue.params)}`;
}

/** Load the catalog; on problems print them all and return null. */
export function loadCatalog(ctx: CliContext): Catalog | null {
  const { rulesets, issues } = loadRulesets(ctx.rulesetsDir, { locale: ctx.locale });
  if (issues.length > 0) {
    ctx.err(ctx.i18n.t(ctx.locale, "cli-validate-failed", { count: issues.length, files: new Set(issues.map((i) => i.file)).size }));
    issues.forEach((issue) => ctx.err(issueLine(ctx, issue)));
    return null;
  }
  return createCatalog(rulesets);
}
