import type { ChannelName } from "./records.js";

/** What channels report for /metrics; the HTTP layer turns it into Prometheus series. */
export interface ChannelMetrics {
  updateHandled(channel: string, outcome: "ok" | "error" | "duplicate" | "ignored" | "quarantined", seconds: number): void;
  messageSent(channel: string, kind: "text" | "photo" | "document"): void;
}

export const NO_METRICS: ChannelMetrics = { updateHandled: () => undefined, messageSent: () => undefined };

/** What the delivery worker reports: each message's outcome by channel and kind. */
export interface DeliveryMetrics {
  delivered(channel: ChannelName, kind: string, outcome: "sent" | "retry" | "failed" | "uncertain" | "unreachable" | "rerouted" | "dropped"): void;
}
