import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
import type { ChannelMetrics, DeliveryMetrics } from "../bot/ports/metrics.js";

export interface Metrics {
  readonly registry: Registry;
  readonly channel: ChannelMetrics;
  readonly delivery: DeliveryMetrics;
  /** A webhook request refused (wrong secret, forged signature, replay), by channel and reason. */
  webhookRefused(channel: string, reason: string): void;
  /** An error that escaped every handler (logged; the service went on). */
  escaped(kind: "rejection" | "exception"): void;
}

/** Prometheus metrics for /metrics: process defaults plus what the channels report. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "dti_" });
  const updates = new Counter({
    name: "dti_updates_total", help: "Chat updates by channel and outcome", labelNames: ["channel", "outcome"], registers: [registry],
  });
  const seconds = new Histogram({
    name: "dti_update_seconds", help: "Time to answer a chat update", labelNames: ["channel"], registers: [registry],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  });
  const sent = new Counter({ name: "dti_messages_sent_total", help: "Messages sent by channel and kind", labelNames: ["channel", "kind"], registers: [registry] });
  const delivered = new Counter({
    name: "dti_deliveries_total", help: "Pushed messages (reminders, announcements, results) by channel, kind and outcome",
    labelNames: ["channel", "kind", "outcome"], registers: [registry],
  });
  const refused = new Counter({
    name: "dti_webhook_refused_total", help: "Webhook requests refused (wrong secret, forged signature, replay) by channel and reason",
    labelNames: ["channel", "reason"], registers: [registry],
  });
  const escaped = new Counter({
    name: "dti_escaped_errors_total", help: "Errors that escaped every handler (logged; the service went on)", labelNames: ["kind"], registers: [registry],
  });
  return {
    registry,
    webhookRefused(channel, reason) {
      refused.inc({ channel, reason });
    },
    escaped(kind) {
      escaped.inc({ kind });
    },
    delivery: {
      delivered(channel, kind, outcome) {
        delivered.inc({ channel, kind, outcome });
      },
    },
    channel: {
      updateHandled(channel, outcome, s) {
        updates.inc({ channel, outcome });
        if (outcome === "ok" || outcome === "error") seconds.observe({ channel }, s);
      },
      messageSent(channel, kind) {
        sent.inc({ channel, kind });
      },
    },
  };
}
