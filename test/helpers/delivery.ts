import { PassThrough } from "node:stream";
import type { OutboxInput, OutboxRecord, SendDecision, Sender } from "../../src/bot/ports/delivery.js";
import type { Store } from "../../src/bot/ports/store.js";
import { text } from "../../src/bot/reply.js";
import { createConsoleSender } from "../../src/channels/console/sender.js";
import { createTelegramSender } from "../../src/channels/telegram/sender.js";
import { createDeliveryWorker, type DeliveryWorker } from "../../src/delivery/worker.js";
import { TELEGRAM_LIMITS, type DeliveryLimits } from "../../src/delivery/limiter.js";
import { createI18n } from "../../src/i18n/index.js";
import { QUIET } from "./chat.js";

export const DELIVERY_TOKEN = "555000:DELIVERY-TESTS-TOKEN-FOR-THE-FAKE-API";

/** Telegram people with private chats 7000…, ready to receive pushes. */
export async function recipients(store: Store, count: number, first = 7000): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const chat = String(first + i);
    ids.push((await store.identities.touch("telegram", chat, new Date(), { chatId: chat })).id);
  }
  return ids;
}

/** A message whose text carries its own key, so the fake's log says which message arrived. */
export const push = (key: string, identityId: number, body = key): OutboxInput => ({
  key, identityId, kind: "notice", reply: { lines: [text(body)] }, notBefore: new Date(0),
});

/** What the worker asked of a sender, with the time of each request as the worker made it. */
export interface SendLog {
  /** Each request, when it started: the moment the worker's limiter let it go. */
  readonly starts: { readonly chat: string; readonly at: number }[];
  /** Each 429, when its answer reached the worker, and how long it said to wait. */
  readonly limited: { readonly at: number; readonly retryAfterMs: number }[];
}

/**
 * A sender that records when the worker sends, on the worker's side: limits
 * are checked against these times, which do not depend on how busy the
 * machine is (arrival times at the fake do: requests bunch up on the way).
 * `prepareDelayMs` makes preparing a message to a chat slow (a big file).
 */
export function recordingSender(sender: Sender, log: SendLog, prepareDelayMs: (chat: string) => number = () => 0): Sender {
  const chatOf = (m: OutboxRecord) => m.identity.chatId ?? m.identity.externalId;
  return {
    channel: sender.channel,
    async prepare(message, file) {
      const delay = prepareDelayMs(chatOf(message));
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      return sender.prepare(message, file);
    },
    async sendPart(message, part) {
      log.starts.push({ chat: chatOf(message), at: Date.now() });
      const result = await sender.sendPart(message, part);
      if (!result.ok && result.kind === "rate_limited") log.limited.push({ at: Date.now(), retryAfterMs: result.retryAfterMs });
      return result;
    },
  };
}

/** Requests the worker started against the limits: too many in a second, too soon in a chat, or during an announced retry_after. */
export function limitBreaches(log: SendLog, limits: DeliveryLimits): string[] {
  const breaches: string[] = [];
  const starts = [...log.starts].sort((a, b) => a.at - b.at);
  for (let i = 0; i < starts.length; i += 1) {
    const within = starts.filter((s) => s.at >= starts[i]!.at && s.at < starts[i]!.at + 1000).length;
    if (within > limits.globalPerSecond) breaches.push(`${within} requests in the second from ${starts[i]!.at}`);
  }
  const last = new Map<string, number>();
  for (const s of starts) {
    const before = last.get(s.chat);
    if (before !== undefined && s.at - before < 1000 / limits.chatPerSecond) breaches.push(`chat ${s.chat} again after ${s.at - before} ms`);
    last.set(s.chat, s.at);
  }
  for (const l of log.limited) {
    const during = starts.filter((s) => s.at > l.at && s.at < l.at + l.retryAfterMs);
    if (during.length > 0) breaches.push(`${during.length} requests within the retry_after announced at ${l.at}`);
  }
  return breaches;
}

export function telegramWorker(
  store: Store, apiRoot: string,
  options: { limits?: DeliveryLimits; instanceId?: string; log?: SendLog; prepareDelayMs?: (chat: string) => number; locks?: Store["locks"] } = {},
): DeliveryWorker {
  const sender = createTelegramSender({ token: DELIVERY_TOKEN, apiRoot, i18n: createI18n() });
  return createDeliveryWorker({
    outbox: store.outbox, identities: store.identities, locks: options.locks ?? store.locks,
    senders: new Map([["telegram", options.log ? recordingSender(sender, options.log, options.prepareDelayMs) : sender]]),
    limits: new Map([["telegram", options.limits ?? TELEGRAM_LIMITS]]), now: () => new Date(), log: QUIET,
    instanceId: options.instanceId ?? "test-worker", idleMs: 50, standbyMs: 50,
  });
}

/** Run the worker until nothing is pending or inflight, then stop it. */
export async function drain(store: Store, worker: DeliveryWorker, timeoutMs = 60_000): Promise<void> {
  const running = worker.run();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { byStatus } = await store.outbox.stats({ problems: 0 });
    if (byStatus.pending === 0 && byStatus.inflight === 0) break;
    if (Date.now() > deadline) throw new Error(`queue not drained: ${JSON.stringify(byStatus)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await worker.stop();
  await running;
}

/** Deliver everything queued for console identities with the real console sender; returns what it printed. */
export async function deliverToConsole(
  store: Store, now: () => Date = () => new Date("2100-01-01T00:00:00Z"), decide?: (message: OutboxRecord) => Promise<SendDecision>,
): Promise<string> {
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk: Buffer) => {
    printed += chunk.toString("utf8");
  });
  const worker = createDeliveryWorker({
    outbox: store.outbox, identities: store.identities, locks: store.locks,
    senders: new Map([["console", createConsoleSender({ i18n: createI18n(), output })]]),
    limits: new Map([["console", { globalPerSecond: 1000, chatPerSecond: 1000, groupPerMinute: 1000 }]]), now, log: QUIET,
    // Every push is due: the test's clock is whatever the fixture says, not the wall clock.
    instanceId: "console-test", idleMs: 20, ...(decide && { decide }),
  });
  await drain(store, worker);
  return printed;
}
