import type { PeriodScores } from "./bot/period-scores.js";
import type { Reports } from "./bot/ports/reports.js";
import { resultsWorkbook } from "./bot/results-workbook.js";
import { rankingChart } from "./charts/ranking.js";
import type { I18n } from "./i18n/index.js";

/** The chart and the workbook, with their words in the asker's language. */
export function createReports(i18n: I18n, now: () => Date): Reports {
  return {
    async rankingChart(scores: PeriodScores, provinceName, locale) {
      const classes = scores.ruleset.classification?.bands.map((b) => b.name) ?? [];
      const groups = scores.groups.map((g) => ({
        title: g.groupName,
        units: g.reviewed.units.map((u) => ({
          rank: u.rank, name: scores.units.get(Number(u.unitId))?.name ?? u.unitId, total: u.total, max: u.applicableMax,
          className: u.className,
        })),
      }));
      return rankingChart(i18n.t(locale, "chart-title", { year: String(scores.period.year), province: provinceName }), groups, classes, {
        points: i18n.t(locale, "chart-points"), gap: (count) => i18n.t(locale, "chart-gap", { count }),
      });
    },
    resultsWorkbook: (scores, locale) => resultsWorkbook(scores, { i18n, locale, now: now() }),
  };
}
