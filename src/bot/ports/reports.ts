import type { Locale } from "../../i18n/index.js";
import type { PeriodScores } from "../period-scores.js";
import type { ChannelName } from "./records.js";

/** Files made from a period's scores: the composition root provides them (the chart needs a native canvas). */
export interface Reports {
  /** The ranking of every group as a PNG. */
  rankingChart(scores: PeriodScores, provinceName: string, locale: Locale): Promise<Uint8Array>;
  /** The printable results workbook. */
  resultsWorkbook(scores: PeriodScores, provinceName: string, locale: Locale): Promise<Uint8Array>;
  /** A unit's scorecard picture: each main index against its maximum and the group's average. */
  scorecard(card: ScorecardInput, locale: Locale): Uint8Array;
}

/** What the core needs of the delivery queue: which channels deliver, and a nudge when something was queued. */
export interface DeliveryPort {
  readonly channels: readonly ChannelName[];
  wake(): void;
}

export interface ScorecardInput {
  readonly unitName: string;
  readonly year: number;
  readonly groupName: string;
  readonly total: number;
  readonly max: number;
  readonly className: string | null;
  readonly rank: number;
  readonly size: number;
  /** "tạm tính" (self-assessed) or "chính thức" (published). */
  readonly official: boolean;
  readonly indices: readonly ScorecardIndexInput[];
}

export interface ScorecardIndexInput {
  readonly code: string;
  readonly name: string;
  readonly points: number;
  readonly max: number;
  readonly average: number;
}
