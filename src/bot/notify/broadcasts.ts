import type { BroadcastDelivery, BroadcastRecord, OutboxInput, QueuedReply } from "../ports/delivery.js";
import type { Store } from "../ports/store.js";
import { line, text } from "../reply.js";

/** Broadcasts this large report their progress to the sender while they go out. */
const PROGRESS_FROM = 20;
const PROGRESS_STEPS = 4;

/** What recipients see: the department's heading, the text, and "Đã nhận". */
export function broadcastMessage(id: number, body: string, nudge = false): QueuedReply {
  return {
    lines: [line(nudge ? "notify-broadcast-nudge" : "notify-broadcast-title", { id }, "bold"), text(body)],
    buttons: [[{ label: line("notify-button-received"), action: `ack:${id}` }]],
  };
}

/** The delivery report; acknowledgements count only from people the announcement reached. */
export function broadcastReport(broadcast: BroadcastRecord, delivery: BroadcastDelivery, acknowledgedBy: ReadonlySet<number>): QueuedReply {
  const c = delivery.counts;
  const acknowledged = delivery.delivered.filter((id) => acknowledgedBy.has(id)).length;
  return {
    lines: [
      line("notify-broadcast-report", { id: broadcast.id, date: broadcast.createdAt, total: broadcast.recipients }, "bold"),
      line("notify-broadcast-report-sent", { sent: c.sent, total: broadcast.recipients }),
      ...(c.pending + c.inflight > 0 ? [line("notify-broadcast-report-pending", { count: c.pending + c.inflight })] : []),
      ...(c.failed > 0 ? [line("notify-broadcast-report-failed", { count: c.failed, unreachable: delivery.unreachable })] : []),
      ...(c.uncertain > 0 ? [line("notify-broadcast-report-uncertain", { count: c.uncertain })] : []),
      ...(c.rerouted > 0 ? [line("notify-broadcast-report-rerouted", { count: c.rerouted })] : []),
      line("notify-broadcast-report-acked", { acked: acknowledged, sent: c.sent }),
    ],
    buttons: [[
      { label: line("notify-button-refresh"), action: `bcr:${broadcast.id}` },
      { label: line("notify-button-nudge"), action: `bcn:${broadcast.id}` },
    ]],
  };
}

/**
 * The broadcast job, every few seconds: a large broadcast's progress goes to
 * its sender as one message edited in place (25 %, 50 %, 75 %), and when
 * nothing of it is left to send, the delivery report.
 */
export async function trackBroadcasts(deps: { store: Store; wake?: () => void }, now: Date): Promise<number> {
  const messages: OutboxInput[] = [];
  let queued = 0;
  for (const b of await deps.store.broadcasts.incomplete()) {
    const delivery = await deps.store.outbox.broadcastDelivery(b.id);
    const left = delivery.counts.pending + delivery.counts.inflight;
    if (left === 0) {
      // Completed and reported in one transaction: a failure leaves it incomplete, to report on the next run.
      const acked = await deps.store.broadcasts.acknowledgedBy(b.id);
      const report = { key: `broadcast:${b.id}:report`, identityId: b.senderId, kind: "report" as const, reply: broadcastReport(b, delivery, acked), notBefore: now };
      if (await deps.store.broadcasts.complete(b.id, now, report)) queued += 1;
      continue;
    }
    if (b.recipients < PROGRESS_FROM) continue;
    const step = Math.floor(((b.recipients - left) * PROGRESS_STEPS) / b.recipients);
    if (step < 1) continue;
    messages.push({
      key: `broadcast:${b.id}:progress:${step}`, identityId: b.senderId, kind: "progress", notBefore: now,
      ...(step > 1 && { replacesKey: `broadcast:${b.id}:progress:1` }),
      reply: { lines: [line("notify-broadcast-progress", { id: b.id, done: b.recipients - left, total: b.recipients, percent: Math.round(((b.recipients - left) * 100) / b.recipients) })] },
    });
  }
  queued += await deps.store.outbox.enqueue(messages);
  if (queued > 0) deps.wake?.();
  return queued;
}
