import { readFileSync, writeFileSync } from "node:fs";
import { isMap, isSeq, parseDocument, type YAMLMap } from "yaml";
import { loadRulesetFile } from "../rulesets/index.js";
import type { CliContext } from "./context.js";

/** Every item map of the tree, depth first. */
function items(node: unknown, out: YAMLMap[] = []): YAMLMap[] {
  if (!isSeq(node)) return out;
  for (const item of node.items) {
    if (!isMap(item)) continue;
    out.push(item);
    items(item.get("children"), out);
  }
  return out;
}

/**
 * `dti rulesets accept <file> [codes…]`: the department has checked the rules the import was unsure of (in the
 * review it printed, or the workbook) and accepts them as written, all or the codes named. When none is left to
 * check, the set is `status: reviewed` and can be used for a period. The file keeps its layout and comments.
 */
export function acceptRulesCommand(ctx: CliContext, file: string, codes: readonly string[]): number {
  const { i18n, locale } = ctx;
  const doc = parseDocument(readFileSync(file, "utf8"));
  const all = items(doc.get("indices"));
  const pending = all.filter((m) => m.has("ruleCheck"));
  const wanted = codes.map((c) => c.replace(",", ".").toUpperCase());
  const unknown = wanted.filter((c) => !pending.some((m) => String(m.get("code")).toUpperCase() === c));
  if (unknown.length > 0) {
    ctx.err(i18n.t(locale, "cli-accept-unknown", { codes: unknown.join(", "), pending: pending.map((m) => String(m.get("code"))).join(", ") || "-" }));
    return 1;
  }
  const accepted = wanted.length === 0 ? pending : pending.filter((m) => wanted.includes(String(m.get("code")).toUpperCase()));
  for (const m of accepted) m.delete("ruleCheck");
  const left = pending.length - accepted.length;
  if (left === 0) doc.set("status", "reviewed");
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
  const { ruleset, issues } = loadRulesetFile(file, { locale });
  if (!ruleset) issues.forEach((i) => ctx.err(`  ${i.message}`));
  ctx.out(i18n.t(locale, "cli-accept-done", { count: accepted.length, left, file, codes: accepted.map((m) => String(m.get("code"))).join(", ") || "-" }));
  return ruleset ? 0 : 1;
}
