import type { PeriodScores } from "./bot/period-scores.js";
import type { Reports } from "./bot/ports/reports.js";
import { resultsWorkbook } from "./bot/results-workbook.js";
import { rankingChart } from "./charts/ranking.js";
import { scorecard } from "./charts/scorecard.js";
import { defaultParty, type AnnexParty } from "./bot/workbook/annex.js";
import { formatDate, type I18n } from "./i18n/index.js";

/** Points as the results print them: two decimals, a decimal comma in Vietnamese. */
const twoDecimals = (locale: string) => new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The configured header and signature of the results annex ("|" separates lines); what is not set follows the province. */
export interface AnnexConfig {
  readonly ANNEX_AUTHORITY?: string | undefined;
  readonly ANNEX_PLACE?: string | undefined;
  readonly ANNEX_SIGNER_TITLE?: string | undefined;
  readonly ANNEX_SIGNER?: string | undefined;
}

export function annexParty(provinceName: string, config: AnnexConfig): AnnexParty {
  const base = defaultParty(provinceName);
  const lines = (s: string | undefined) => s?.split("|").map((x) => x.trim()).filter((x) => x !== "");
  return {
    ...base,
    authority: lines(config.ANNEX_AUTHORITY) ?? base.authority,
    place: config.ANNEX_PLACE ?? base.place,
    signerTitle: lines(config.ANNEX_SIGNER_TITLE) ?? base.signerTitle,
    ...(config.ANNEX_SIGNER && { signer: config.ANNEX_SIGNER }),
  };
}

/** The chart and the workbook, with their words in the asker's language. */
export function createReports(i18n: I18n, now: () => Date, annex: AnnexConfig = {}): Reports {
  return {
    async rankingChart(scores: PeriodScores, provinceName, locale) {
      const classes = scores.ruleset.classification?.bands.map((b) => b.name) ?? [];
      const sent = new Set(scores.figures.map((f) => String(f.unitId)));
      const groups = scores.groups.map((g) => ({
        title: g.groupName,
        units: g.reviewed.units.map((u) => ({
          rank: u.rank, name: scores.units.get(Number(u.unitId))?.name ?? u.unitId, total: u.total, max: u.applicableMax,
          className: u.className, submitted: sent.has(u.unitId),
        })),
      }));
      return rankingChart(i18n.t(locale, "chart-title", { year: String(scores.period.year), province: provinceName }), groups, classes, {
        points: i18n.t(locale, "chart-points"), gap: (count) => i18n.t(locale, "chart-gap", { count }),
        notSubmitted: (names) => i18n.t(locale, "chart-not-submitted", { count: names.length, names: names.join(", ") }),
        number: (value) => twoDecimals(locale).format(value),
        subtitle: i18n.t(locale, "chart-subtitle", { year: String(scores.period.year), ruleset: scores.ruleset.title, date: formatDate(now(), locale) }),
      });
    },
    scorecard: (card, locale) => scorecard(card.indices.map((i) => ({ label: `${i.code}. ${i.name}`, points: i.points, max: i.max, average: i.average })), {
      title: i18n.t(locale, "chart-card-title", { unit: card.unitName, year: String(card.year) }),
      subtitle: i18n.t(locale, "chart-card-subtitle", {
        total: twoDecimals(locale).format(card.total), max: i18n.number(locale, card.max), className: card.className ?? "none",
        rank: card.rank, size: card.size, group: card.groupName, official: card.official ? "yes" : "no", date: formatDate(now(), locale),
      }),
      unit: i18n.t(locale, "chart-card-unit"), average: i18n.t(locale, "chart-card-average"), number: (v) => twoDecimals(locale).format(v),
      max: (v) => i18n.number(locale, v),
    }),
    resultsWorkbook: (scores, provinceName, locale) =>
      resultsWorkbook(scores, { i18n, locale, now: now(), party: annexParty(provinceName, annex) }),
  };
}
