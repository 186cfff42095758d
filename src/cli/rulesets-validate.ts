import { loadRulesets } from "../rulesets/index.js";
import { walk } from "../scoring/index.js";
import { findRulesetFiles } from "../rulesets/index.js";
import { issueLine, type CliContext } from "./context.js";

/** `dti rulesets validate [path]`: every problem of every file; exit 1 if any. */
export function validateCommand(ctx: CliContext, path?: string): number {
  const target = path ?? ctx.rulesetsDir;
  const files = findRulesetFiles(target);
  const { rulesets, issues } = loadRulesets(target, { locale: ctx.locale });
  if (issues.length === 0) {
    ctx.out(ctx.i18n.t(ctx.locale, "cli-validate-ok", { files: files.length, rulesets: rulesets.length }));
    // A draft is valid to try, not to use: say what stands between it and a period.
    for (const ruleset of rulesets.filter((r) => r.draft)) {
      const pending = walk(ruleset).filter((n) => n.ruleCheck).map((n) => n.code);
      ctx.out(ctx.i18n.t(ctx.locale, "cli-validate-draft", { id: ruleset.id, count: pending.length, codes: pending.join(", ") || "-" }));
    }
    // Not an error (a province may go live without them), but questions in people's own words need them.
    for (const ruleset of rulesets.filter((r) => r.completeness === "full")) {
      // Questions are about items: main indices and parts without their own words are not worth a line.
      const bare = walk(ruleset).filter((n) => n.children.length === 0 && n.maxPoints !== 0 && n.synonyms.length === 0).map((n) => n.code);
      if (bare.length > 0) ctx.out(ctx.i18n.t(ctx.locale, "cli-validate-no-synonyms", { id: ruleset.id, count: bare.length, codes: bare.join(", ") }));
    }
    return 0;
  }
  ctx.err(ctx.i18n.t(ctx.locale, "cli-validate-failed", { count: issues.length, files: new Set(issues.map((i) => i.file)).size }));
  issues.forEach((issue) => ctx.err(issueLine(ctx, issue)));
  return 1;
}
