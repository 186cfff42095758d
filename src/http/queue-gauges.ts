import { Gauge, type Registry } from "prom-client";
import type { QueueReading } from "../queue/readings.js";

/**
 * Queue depth and oldest waiting age as Prometheus gauges, read when
 * /metrics is scraped: the outbox of pushed messages in every mode, and
 * pg-boss's queues (scheduled runs, incoming updates) on PostgreSQL.
 */
export function registerQueueGauges(registry: Registry, read: () => Promise<readonly QueueReading[]>): void {
  let last: Promise<readonly QueueReading[]> | null = null;
  // The three gauges share one reading per scrape.
  const reading = () => (last ??= read().finally(() => setTimeout(() => (last = null), 1000).unref()));
  const gauge = (name: string, help: string, value: (r: QueueReading) => number | null) => new Gauge({
    name, help, labelNames: ["queue"], registers: [registry],
    async collect() {
      this.reset();
      for (const r of await reading().catch(() => [])) {
        const v = value(r);
        if (v !== null) this.set({ queue: r.queue }, v);
      }
    },
  });
  gauge("dti_queue_waiting", "Jobs or messages waiting in a queue", (r) => r.waiting);
  gauge("dti_queue_active", "Jobs or messages being worked on", (r) => r.active);
  gauge("dti_queue_oldest_waiting_seconds", "How long the oldest waiting job or message has waited", (r) => r.oldestSeconds);
}
