import { writeFile } from "node:fs/promises";
import { scorePeriod, type PeriodScores } from "../bot/period-scores.js";
import { resultsFilename, resultsWorkbook } from "../bot/results-workbook.js";
import type { AnnexParty } from "../bot/workbook/annex.js";
import { decisionDocument } from "../bot/workbook/decision.js";
import { annexParty } from "../reports.js";
import { loadCatalog, type CliContext } from "./context.js";
import { idArgument } from "./errors.js";

interface DocumentPeriod {
  readonly scores: PeriodScores;
  readonly provinceName: string;
  readonly party: AnnexParty;
}

/** A period scored for an official document, with its province's name and the annex's parties; null (said) when it cannot be. */
async function periodForDocuments(ctx: CliContext, periodId: string): Promise<DocumentPeriod | null> {
  const catalog = loadCatalog(ctx);
  if (!catalog) return null;
  const id = idArgument(ctx, periodId);
  if (id === null) return null;
  const store = await ctx.store();
  const outcome = await scorePeriod({ store, catalog }, id);
  if (!outcome.ok) {
    ctx.err(ctx.i18n.t(ctx.locale, `cli-period-score-${outcome.reason}`, { id: periodId, ruleset: outcome.rulesetId ?? "" }));
    return null;
  }
  const { scores } = outcome;
  const provinceName = (await store.provinces.list()).find((p) => p.id === scores.period.provinceId)?.name ?? "";
  return { scores, provinceName, party: annexParty(provinceName, ctx.annex) };
}

/** `dti export results <period> -o file.xlsx`: one ranked sheet per ranking group, ready to print. */
export async function exportResultsCommand(ctx: CliContext, periodId: string, options: { output?: string }): Promise<number> {
  const { i18n, locale } = ctx;
  const found = await periodForDocuments(ctx, periodId);
  if (!found) return 1;
  const { scores, party } = found;
  const file = options.output ?? resultsFilename(scores.period.year, scores.period.id);
  await writeFile(file, await resultsWorkbook(scores, { i18n, locale, now: ctx.now(), party }));
  ctx.out(i18n.t(locale, "cli-export-results-written", { file, groups: scores.groups.length, units: scores.groups.reduce((n, g) => n + g.reviewed.units.length, 0) }));
  return 0;
}

/** `dti export decision <period> -o qd.docx`: the decision publishing the results, with the annex as its appendix, to complete and sign. */
export async function exportDecisionCommand(ctx: CliContext, periodId: string, options: { output?: string }): Promise<number> {
  const { i18n, locale } = ctx;
  const found = await periodForDocuments(ctx, periodId);
  if (!found) return 1;
  const { scores, provinceName, party } = found;
  const file = options.output ?? `quyet-dinh-cong-bo-dti-${scores.period.year}-ky-${scores.period.id}.docx`;
  await writeFile(file, await decisionDocument(scores, { i18n, locale, provinceName, now: ctx.now(), party }));
  ctx.out(i18n.t(locale, "cli-export-decision-written", { file }));
  return 0;
}
