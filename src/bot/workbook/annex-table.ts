import type { I18n, Locale } from "../../i18n/index.js";
import { walk, type UnitScore } from "../../scoring/index.js";
import type { GroupScores, PeriodScores } from "../period-scores.js";

/** A cell of the annex: a number (points, a share, a rank), words, or nothing. */
export type AnnexValue = string | number | null;

export interface AnnexRow {
  readonly values: readonly AnnexValue[];
  /** Columns that hold points (two decimals) and the one that holds the share. */
  readonly points: readonly number[];
  readonly shareAt: number;
}

/** One ranking group as the annex prints it, whatever prints it (a workbook or the decision's .docx). */
export interface AnnexTable {
  readonly headers: readonly string[];
  readonly rows: readonly AnnexRow[];
  readonly classAt: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Which main index each scored item belongs to. */
function indexOfLeaves(ruleset: PeriodScores["ruleset"]): Map<string, string> {
  const out = new Map<string, string>();
  for (const root of ruleset.indices) for (const n of walk({ ...ruleset, indices: [root] })) out.set(n.code, root.code);
  return out;
}

/**
 * The rows of a group's annex: every main index, bonus, penalty and the total
 * so that each row adds up, the share, class and rank, the unit's own total
 * last for comparison where a review changed any; units that sent nothing after
 * the ranked ones, as not submitted.
 */
export function annexTable(scores: PeriodScores, group: GroupScores, i18n: I18n, locale: Locale): AnnexTable {
  const t = (key: string, args = {}) => i18n.t(locale, key, args);
  const { ruleset, units } = scores;
  const leaves = walk(ruleset).filter((n) => n.children.length === 0);
  const hasBonus = leaves.some((n) => n.effect === "bonus");
  const hasPenalty = leaves.some((n) => n.effect === "penalty");
  const indexColumns = ruleset.indices.filter((i) => (i.maxPoints ?? 0) > 0);
  const selfById = new Map(group.self.units.map((u) => [u.unitId, u]));
  const reviewedAny = group.reviewed.units.some((u) => selfById.get(u.unitId)?.total !== u.total);
  const classes = ruleset.classification !== null;
  const cap = (x: number | null) => (x === null ? "" : ` (${t("xlsx-cap", { cap: i18n.number(locale, x) })})`);
  const headers = [
    t("xlsx-no"), t("xlsx-unit-name"),
    ...indexColumns.map((i) => `${i.code}. ${i.name} (${i18n.number(locale, i.maxPoints ?? 0)})`),
    ...(hasBonus ? [`${t("xlsx-bonus")}${cap(ruleset.adjustments.bonusCap)}`] : []),
    ...(hasPenalty ? [`${t("xlsx-penalty")}${cap(ruleset.adjustments.penaltyCap)}`] : []),
    t("xlsx-total"), t("xlsx-value"), ...(classes ? [t("xlsx-class")] : []), t("xlsx-rank"),
    // Last, apart from the sum: the unit's own total, for comparison.
    ...(reviewedAny ? [t("xlsx-self-compare")] : []),
  ];
  const leafIndex = indexOfLeaves(ruleset);
  const sent = new Set(scores.figures.map((f) => String(f.unitId)));
  const ranked = group.reviewed.units.filter((u) => sent.has(u.unitId));
  const missing = group.reviewed.units.filter((u) => !sent.has(u.unitId));
  const shareAt = 2 + indexColumns.length + (hasBonus ? 1 : 0) + (hasPenalty ? 1 : 0) + 1;
  const rows: AnnexRow[] = ranked.map((u: UnitScore, n) => {
    const unit = units.get(Number(u.unitId));
    const merged = u.mergedFrom ? ` (${t("xlsx-merged", { from: u.mergedFrom.map((id) => units.get(Number(id))?.name ?? id).join(", ") })})` : "";
    const base = (code: string) => round2(u.items.filter((i) => i.effect === "base" && leafIndex.get(i.code) === code).reduce((a, i) => a + i.points, 0));
    const values: AnnexValue[] = [
      n + 1, `${unit?.name ?? u.unitId}${merged}`, ...indexColumns.map((i) => base(i.code)),
      ...(hasBonus ? [round2(Math.min(u.bonusPoints, ruleset.adjustments.bonusCap ?? Infinity))] : []),
      ...(hasPenalty ? [round2(Math.min(u.penaltyPoints, ruleset.adjustments.penaltyCap ?? Infinity))] : []),
      u.total, u.value, ...(classes ? [u.className ?? ""] : []), u.rank, ...(reviewedAny ? [selfById.get(u.unitId)?.total ?? 0] : []),
    ];
    const points = values.map((v, i) => (i >= 2 && i < shareAt && typeof v === "number" ? i : -1)).filter((i) => i >= 0);
    return { values, points: reviewedAny ? [...points, values.length - 1] : points, shareAt };
  });
  // Units that sent nothing are not ranked: listed after, as not submitted.
  missing.forEach((u, n) => {
    const blanks = (k: number) => Array.from({ length: k }, () => null);
    rows.push({
      values: [ranked.length + n + 1, units.get(Number(u.unitId))?.name ?? u.unitId, ...blanks(shareAt - 1), ...(classes ? [t("xlsx-not-submitted")] : []),
        t("xlsx-not-submitted"), ...blanks(reviewedAny ? 1 : 0)],
      points: [], shareAt: -1,
    });
  });
  return { headers, rows, classAt: classes ? headers.indexOf(t("xlsx-class")) : -1 };
}
