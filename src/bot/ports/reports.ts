import type { Locale } from "../../i18n/index.js";
import type { PeriodScores } from "../period-scores.js";
import type { ChannelName } from "./records.js";

/** Files made from a period's scores: the composition root provides them (the chart needs a native canvas). */
export interface Reports {
  /** The ranking of every group as a PNG. */
  rankingChart(scores: PeriodScores, provinceName: string, locale: Locale): Promise<Uint8Array>;
  /** The printable results workbook. */
  resultsWorkbook(scores: PeriodScores, provinceName: string, locale: Locale): Promise<Uint8Array>;
}

/** What the core needs of the delivery queue: which channels deliver, and a nudge when something was queued. */
export interface DeliveryPort {
  readonly channels: readonly ChannelName[];
  wake(): void;
}
