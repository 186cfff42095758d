import { writeFile } from "node:fs/promises";
import { scorePeriod } from "../bot/period-scores.js";
import { resultsFilename, resultsWorkbook } from "../bot/results-workbook.js";
import { decisionDocument } from "../bot/workbook/decision.js";
import { annexParty } from "../reports.js";
import { loadCatalog, type CliContext } from "./context.js";
import { idArgument } from "./errors.js";

/** `dti export results <period> -o file.xlsx`: one ranked sheet per ranking group, ready to print. */
export async function exportResultsCommand(ctx: CliContext, periodId: string, options: { output?: string }): Promise<number> {
  const { i18n, locale } = ctx;
  const catalog = loadCatalog(ctx);
  if (!catalog) return 1;
  const id = idArgument(ctx, periodId);
  if (id === null) return 1;
  const outcome = await scorePeriod({ store: await ctx.store(), catalog }, id);
  if (!outcome.ok) {
    ctx.err(i18n.t(locale, `cli-period-score-${outcome.reason}`, { id: periodId, ruleset: outcome.rulesetId ?? "" }));
    return 1;
  }
  const { scores } = outcome;
  const file = options.output ?? resultsFilename(scores.period.year, scores.period.id);
  const province = (await (await ctx.store()).provinces.list()).find((p) => p.id === scores.period.provinceId);
  await writeFile(file, await resultsWorkbook(scores, { i18n, locale, now: ctx.now(), party: annexParty(province?.name ?? "", ctx.annex) }));
  ctx.out(i18n.t(locale, "cli-export-results-written", { file, groups: scores.groups.length, units: scores.groups.reduce((n, g) => n + g.reviewed.units.length, 0) }));
  return 0;
}

/** `dti export decision <period> -o qd.docx`: the decision publishing the results, with the annex as its appendix, to complete and sign. */
export async function exportDecisionCommand(ctx: CliContext, periodId: string, options: { output?: string }): Promise<number> {
  const { i18n, locale } = ctx;
  const catalog = loadCatalog(ctx);
  if (!catalog) return 1;
  const id = idArgument(ctx, periodId);
  if (id === null) return 1;
  const outcome = await scorePeriod({ store: await ctx.store(), catalog }, id);
  if (!outcome.ok) {
    ctx.err(i18n.t(locale, `cli-period-score-${outcome.reason}`, { id: periodId, ruleset: outcome.rulesetId ?? "" }));
    return 1;
  }
  const { scores } = outcome;
  const province = (await (await ctx.store()).provinces.list()).find((p) => p.id === scores.period.provinceId);
  const provinceName = province?.name ?? "";
  const file = options.output ?? `quyet-dinh-cong-bo-dti-${scores.period.year}-ky-${scores.period.id}.docx`;
  const party = annexParty(provinceName, ctx.annex);
  await writeFile(file, await decisionDocument(scores, { i18n, locale, provinceName, now: ctx.now(), party }));
  ctx.out(i18n.t(locale, "cli-export-decision-written", { file }));
  return 0;
}
